package org.evcharging.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.evcharging.api.Topics;

/**
 * The six topics of the system, created if absent on any cluster, embedded or external.
 *
 * <p>Records are keyed (driver topics by driver id, session topics by CP id) and consumers rely on
 * the order of each key, so the settings protect that order:
 * <ul>
 *   <li>the partition count is fixed at creation and never raised here: a key's partition is its
 *       hash modulo that count, so adding partitions would move keys and mix old and new records;</li>
 *   <li>{@code cleanup.policy=delete}, never compaction, which would keep only the last record of
 *       each key and lose requests and telemetry;</li>
 *   <li>{@code unclean.leader.election.enable=false}: an out-of-sync replica taking over would drop
 *       acknowledged records and leave a gap in a key's sequence;</li>
 *   <li>{@code min.insync.replicas} is 2 with three or more replicas and 1 below that: higher than
 *       the replica count would refuse every {@code acks=all} write, and 1 on a replicated topic
 *       would acknowledge records that one broker failure can still lose.</li>
 * </ul>
 * Producers keep their side of the bargain with the default idempotent {@code acks=all} settings.
 */
public final class EvChargingTopics {

    public static final int DEFAULT_PARTITIONS = 3;
    public static final short DEFAULT_REPLICATION_FACTOR = 1;

    private static final long POLL_INTERVAL_MILLIS = 50;

    private final int partitions;
    private final short replicationFactor;

    public EvChargingTopics() {
        this(DEFAULT_PARTITIONS, DEFAULT_REPLICATION_FACTOR);
    }

    public EvChargingTopics(int partitions, short replicationFactor) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
        }
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** Settings every topic is created with; see the class comment for why. */
    public Map<String, String> topicConfig() {
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false",
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, replicationFactor >= 3 ? "2" : "1");
    }

    /**
     * Creates the missing topics on the cluster at {@code bootstrapServers} and waits until every
     * partition of all six has a leader. Topics that already exist, or that a concurrent caller
     * creates meanwhile, are left as they are.
     *
     * @return the topics this call created
     */
    public Set<String> ensureCreated(String bootstrapServers, Duration timeout) {
        return ensureCreated(bootstrapServers, Map.of(), timeout);
    }

    /** As {@link #ensureCreated(String, Duration)} on a secured cluster: {@code security} holds the client's TLS/SASL settings. */
    public Set<String> ensureCreated(String bootstrapServers, Map<String, Object> security, Duration timeout) {
        Properties config = new Properties();
        config.putAll(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
        try (Admin admin = Admin.create(config)) {
            return ensureCreated(admin, timeout);
        }
    }

    /** As {@link #ensureCreated(String, Duration)}, with an admin client the caller owns. */
    public Set<String> ensureCreated(Admin admin, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitBrokers(admin, deadline, timeout);
        Set<String> existing = await(admin.listTopics().names(), deadline, "list topics");
        List<NewTopic> missing = new ArrayList<>();
        for (String name : Topics.ALL) {
            if (!existing.contains(name)) {
                missing.add(new NewTopic(name, partitions, replicationFactor).configs(topicConfig()));
            }
        }
        Set<String> created = new TreeSet<>();
        if (!missing.isEmpty()) {
            Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
            for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                if (createdNow(result.getValue(), deadline, result.getKey())) {
                    created.add(result.getKey());
                }
            }
        }
        awaitLeaders(admin, deadline, timeout);
        return created;
    }

    private static boolean createdNow(KafkaFuture<Void> creation, long deadline, String topic) {
        try {
            await(creation, deadline, "create topic " + topic);
            return true;
        } catch (TopicCreationException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }

    // The nodes of a cluster start together: a topic with three replicas can only be made once three
    // brokers have joined, and the first node up asks before the others did.
    private void awaitBrokers(Admin admin, long deadline, Duration timeout) {
        while (replicationFactor > 1) {
            int brokers = await(admin.describeCluster().nodes(), deadline, "describe the cluster").size();
            if (brokers >= replicationFactor) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new TopicCreationException("Only " + brokers + " of the " + replicationFactor
                        + " brokers the topics' replicas need joined within " + timeout, null);
            }
            pause();
        }
    }

    // Right after creation the broker may not know the new leaders yet; a producer or a test
    // that looks at once would see "unknown topic".
    private static void awaitLeaders(Admin admin, long deadline, Duration timeout) {
        while (true) {
            try {
                Map<String, TopicDescription> topics =
                        await(admin.describeTopics(Topics.ALL).allTopicNames(), deadline, "describe topics");
                boolean allLed = topics.values().stream()
                        .flatMap(topic -> topic.partitions().stream())
                        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
                if (allLed) {
                    return;
                }
            } catch (TopicCreationException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new TopicCreationException("Topics have no leader after " + timeout, null);
            }
            pause();
        }
    }

    private static <T> T await(KafkaFuture<T> future, long deadline, String action) {
        long remaining = Math.max(0, deadline - System.nanoTime());
        try {
            return future.get(remaining, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            // The admin client's own time-out and ours are the same deadline: whichever fires first, one message.
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException kafkaTimeout) {
                throw new TopicCreationException("Cannot " + action + ": Kafka did not answer in time ("
                        + kafkaTimeout.getMessage() + ")", kafkaTimeout);
            }
            throw new TopicCreationException("Cannot " + action + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TopicCreationException("Cannot " + action + ": Kafka did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicCreationException("Interrupted while trying to " + action, e);
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicCreationException("Interrupted while waiting for topic leaders", e);
        }
    }
}
