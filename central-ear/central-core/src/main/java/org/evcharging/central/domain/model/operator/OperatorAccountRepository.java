package org.evcharging.central.domain.model.operator;

import java.util.List;
import java.util.Optional;

/** Where operator accounts are kept. Callers run inside a transaction. */
public interface OperatorAccountRepository {

    Optional<OperatorAccount> find(String username);

    void add(OperatorAccount account);

    /** Every account, by username. */
    List<OperatorAccount> findAll();

    /** How many enabled accounts hold the admin role: the last one cannot be disabled or demoted. */
    long countEnabledAdmins();
}
