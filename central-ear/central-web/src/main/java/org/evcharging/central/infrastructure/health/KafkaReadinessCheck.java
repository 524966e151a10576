package org.evcharging.central.infrastructure.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.evcharging.central.infrastructure.config.CentralConfig;
import org.evcharging.kafka.client.ClusterProbe;

/**
 * Ready only while the Kafka cluster answers a metadata request: Liberty's Kafka connector reports
 * nothing when the broker is down (and silently loses emitted records).
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    static final String NAME = "kafka";

    @Inject
    CentralConfig config;

    private ClusterProbe probe;

    @Override
    public HealthCheckResponse call() {
        ClusterProbe probe = probe();
        try {
            int nodes = probe.describe().nodes();
            return HealthCheckResponse.named(NAME).up()
                    .withData("bootstrap", probe.bootstrapServers()).withData("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(probe, e);
        } catch (Exception e) {
            return down(probe, e);
        }
    }

    private static HealthCheckResponse down(ClusterProbe probe, Exception e) {
        return HealthCheckResponse.named(NAME).down()
                .withData("bootstrap", probe.bootstrapServers()).withData("error", HealthErrors.describe(e)).build();
    }

    private synchronized ClusterProbe probe() {
        if (probe == null) {
            probe = new ClusterProbe(config.brokerAddress(), "ev-central-health", config.kafkaProbeTimeout());
        }
        return probe;
    }

    @PreDestroy
    synchronized void close() {
        if (probe != null) {
            probe.close();
        }
    }
}
