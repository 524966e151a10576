package org.evcharging.central.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.evcharging.central.infrastructure.socket.MonitorGateway;

/** Live unless the Monitor gateway's loop died by itself: then only a restart brings the CPs back. */
@Liveness
@ApplicationScoped
public class CentralLivenessCheck implements HealthCheck {

    @Inject
    MonitorGateway gateway;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("monitor-gateway-loop").status(gateway.isLoopHealthy()).build();
    }
}
