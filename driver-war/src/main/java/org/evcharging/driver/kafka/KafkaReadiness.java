package org.evcharging.driver.kafka;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.evcharging.kafka.client.ClusterProbe;

/** The portal is ready when the Kafka broker answers: without it no driver request can go out. */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    PortalConfig config;

    private ClusterProbe probe;

    @PostConstruct
    void open() {
        probe = new ClusterProbe(config.brokerAddress(), "driver-portal-readiness", PROBE_TIMEOUT);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("kafka").up().withData("cluster", probe.describe().clusterId()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(e);
        } catch (Exception e) {
            return down(e);
        }
    }

    private HealthCheckResponse down(Exception e) {
        return HealthCheckResponse.named("kafka").down()
                .withData("broker", config.brokerAddress()).withData("error", String.valueOf(e)).build();
    }

    @PreDestroy
    void close() {
        probe.close();
    }
}
