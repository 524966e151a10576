package org.evcharging.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/** SCRAM credentials live in the cluster's metadata, not in the JAAS file: the users are stored there at start. */
final class ScramUsers {

    private static final int ITERATIONS = 8192;

    private ScramUsers() {
    }

    static void register(String bootstrap, Map<String, Object> security, Map<String, String> users, Duration timeout) {
        Properties config = new Properties();
        config.putAll(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<UserScramCredentialAlteration> upserts = new ArrayList<>();
        users.forEach((name, password) -> upserts.add(new UserScramCredentialUpsertion(name,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password)));
        try (Admin admin = Admin.create(config)) {
            admin.alterUserScramCredentials(upserts).all().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerStartException("Kafka broker could not store its SCRAM users: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("Kafka broker start was interrupted while storing SCRAM users", e);
        }
    }
}
