package org.evcharging.central.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.evcharging.central.infrastructure.socket.MonitorGateway;

/** Ready only while the Monitor TCP acceptor is listening. */
@Readiness
@ApplicationScoped
public class MonitorAcceptorReadinessCheck implements HealthCheck {

    static final String NAME = "monitor-acceptor";

    @Inject
    MonitorGateway gateway;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(gateway.isListening())
                .withData("port", gateway.port())
                .withData("connections", gateway.connectionCount());
        gateway.tlsPort().ifPresent(port -> response.withData("tlsPort", port));
        gateway.failure().ifPresent(reason -> response.withData("error", reason));
        return response.build();
    }
}
