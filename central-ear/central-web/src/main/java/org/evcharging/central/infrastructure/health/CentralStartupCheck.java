package org.evcharging.central.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Started once every start-up observer (CP registry, sessions, gateway) has run. */
@org.eclipse.microprofile.health.Startup
@ApplicationScoped
public class CentralStartupCheck implements HealthCheck {

    @Inject
    StartupGate gate;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("central-startup").status(gate.isOpen()).build();
    }
}
