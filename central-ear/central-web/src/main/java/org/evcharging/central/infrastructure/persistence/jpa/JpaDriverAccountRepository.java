package org.evcharging.central.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.util.Optional;

import org.evcharging.central.domain.model.driver.DriverAccount;
import org.evcharging.central.domain.model.driver.DriverAccountRepository;
import org.evcharging.central.domain.shared.ConflictException;

@ApplicationScoped
public class JpaDriverAccountRepository implements DriverAccountRepository {

    @PersistenceContext(unitName = "central")
    EntityManager em;

    @Override
    public Optional<DriverAccount> find(String driverId) {
        return Optional.ofNullable(em.find(DriverAccount.class, driverId));
    }

    @Override
    public void add(DriverAccount account) {
        try {
            em.persist(account);
            // Written now: two portals signing up the same id at once meet here, on the primary key.
            em.flush();
        } catch (PersistenceException taken) {
            throw new ConflictException("The driver id " + account.driverId() + " is already taken");
        }
    }
}
