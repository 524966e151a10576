package org.evcharging.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * A Kafka cluster of several broker processes on this machine (three by default), each a KRaft
 * controller and broker, on free ports, with the system's topics replicated on three of them and
 * {@code min.insync.replicas=2}: any one process may die (even kill -9) without losing an
 * acknowledged record or stopping producers and consumers. For tests and the local launcher.
 */
public final class KafkaClusterProcesses implements AutoCloseable {

    public static final int DEFAULT_NODES = 3;

    private final List<KafkaBrokerProcess> nodes;

    private KafkaClusterProcesses(List<KafkaBrokerProcess> nodes) {
        this.nodes = nodes;
    }

    /** Builds {@code count} nodes with their data under {@code dataDir}/node-N; nothing runs yet. */
    public static KafkaClusterProcesses of(Path dataDir, int count, Duration startTimeout) {
        if (count < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, got " + count);
        }
        List<QuorumVoters.Voter> voters = new ArrayList<>();
        for (int id = 1; id <= count; id++) {
            voters.add(new QuorumVoters.Voter(id, "localhost", Ports.pickFree()));
        }
        QuorumVoters quorum = new QuorumVoters(voters);
        List<KafkaBrokerProcess> nodes = new ArrayList<>();
        for (int id = 1; id <= count; id++) {
            nodes.add(KafkaBrokerProcess.builder()
                    .clusterNode(id, quorum)
                    .dataDir(dataDir.resolve("node-" + id))
                    .startTimeout(startTimeout)
                    .build());
        }
        return new KafkaClusterProcesses(List.copyOf(nodes));
    }

    /**
     * Starts every node at once (none can finish starting before a majority of controllers is up)
     * and returns when all are ready.
     */
    public KafkaClusterProcesses start() {
        List<CompletableFuture<Void>> starts = nodes.stream()
                .map(node -> CompletableFuture.runAsync(node::start))
                .toList();
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return this;
    }

    /** Every node's client address, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return nodes.stream().map(KafkaBrokerProcess::bootstrapServers).collect(Collectors.joining(","));
    }

    /** Node {@code id} (1-based, as Kafka numbers them). */
    public KafkaBrokerProcess node(int id) {
        return nodes.get(id - 1);
    }

    /**
     * The node that leads {@code partition} of {@code topic} as the cluster's metadata says now: a
     * killed leader stays named until the controller fences it (broker.session.timeout.ms).
     */
    public KafkaBrokerProcess leaderOf(String topic, int partition) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            Node leader = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().stream().filter(p -> p.partition() == partition).findFirst()
                    .map(TopicPartitionInfo::leader)
                    .orElseThrow(() -> new IllegalArgumentException(topic + " has no partition " + partition));
            if (leader == null || leader.isEmpty()) {
                throw new IllegalStateException(topic + "-" + partition + " has no leader now");
            }
            return node(leader.id());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot describe " + topic + " on " + bootstrapServers() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing " + topic, e);
        }
    }

    public List<KafkaBrokerProcess> nodes() {
        return nodes;
    }

    @Override
    public void close() {
        nodes.forEach(KafkaBrokerProcess::close);
    }
}
