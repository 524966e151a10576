package org.evcharging.central.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only if a query really reaches the database through JPA: a persistence unit that failed to
 * load leaves the EntityManager unusable while the server itself still reports started.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "database";

    @PersistenceContext(unitName = "central")
    EntityManager em;

    @Override
    public HealthCheckResponse call() {
        try {
            Object one = em.createNativeQuery("SELECT 1").getSingleResult();
            return HealthCheckResponse.named(NAME).up().withData("query", "SELECT 1 = " + one).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down().withData("error", HealthErrors.describe(e)).build();
        }
    }
}
