package org.evcharging.central.domain.model.driver;

import java.util.Optional;

/** Where driver accounts are kept, shared by every portal instance. Callers run inside a transaction. */
public interface DriverAccountRepository {

    Optional<DriverAccount> find(String driverId);

    /** Adds a new account; ConflictException when the id is already taken (also by a concurrent sign-up). */
    void add(DriverAccount account);
}
