package org.evcharging.central.infrastructure.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.evcharging.central.infrastructure.config.CentralConfig;

/**
 * Tells whether the Kafka cluster answers. Liberty's Kafka connector reports nothing when the broker
 * is down (and silently loses emitted records), so readiness asks the cluster itself. One admin
 * client is kept for the application's life; asking per probe would leak connections.
 */
@ApplicationScoped
public class KafkaClusterProbe {

    @Inject
    CentralConfig config;

    private Admin admin;

    /** The broker's node count, or an exception saying why the cluster could not be reached. */
    public synchronized int describeCluster() throws Exception {
        Duration timeout = config.kafkaProbeTimeout();
        int timeoutMs = (int) timeout.toMillis();
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.brokerAddress(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000,
                    AdminClientConfig.CLIENT_ID_CONFIG, "ev-central-health"));
        }
        return admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).size();
    }

    public String bootstrapServers() {
        return config.brokerAddress();
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
