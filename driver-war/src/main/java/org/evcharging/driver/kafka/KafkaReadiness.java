package org.evcharging.driver.kafka;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The portal is ready when the Kafka broker answers: without it no driver request can go out. */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private static final int PROBE_TIMEOUT_MS = 2000;

    @Inject
    PortalConfig config;

    private Admin admin;

    @PostConstruct
    void open() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.brokerAddress());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "driver-portal-readiness");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MS);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MS);
        admin = Admin.create(props);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_TIMEOUT_MS))
                    .clusterId().get(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named("kafka").up().withData("cluster", clusterId).build();
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
        admin.close();
    }
}
