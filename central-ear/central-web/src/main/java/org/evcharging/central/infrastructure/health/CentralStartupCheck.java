package org.evcharging.central.infrastructure.health;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Started once every start-up observer (gateway, CP registry) has run: it observes last. */
@org.eclipse.microprofile.health.Startup
@ApplicationScoped
public class CentralStartupCheck implements HealthCheck {

    private volatile boolean started;

    void onStart(@Observes @Priority(Integer.MAX_VALUE) Startup event) {
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("central-startup").status(started).build();
    }
}
