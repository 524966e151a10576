package org.evcharging.central.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.evcharging.central.infrastructure.messaging.KafkaClusterProbe;

/** Ready only while the Kafka cluster answers a metadata request. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    static final String NAME = "kafka";

    @Inject
    KafkaClusterProbe probe;

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = probe.describeCluster();
            return HealthCheckResponse.named(NAME).up()
                    .withData("bootstrap", probe.bootstrapServers()).withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("bootstrap", probe.bootstrapServers()).withData("error", HealthErrors.describe(e)).build();
        }
    }
}
