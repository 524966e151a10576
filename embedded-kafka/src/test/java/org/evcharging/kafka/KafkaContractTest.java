package org.evcharging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.evcharging.api.Topics;
import org.junit.jupiter.api.Test;

/**
 * What the system needs from any Kafka cluster once {@link EvChargingTopics} ran on it. Written
 * once, run against the embedded broker and, where Docker exists, a containerised one.
 */
abstract class KafkaContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The cluster under test, with the system's topics created with default settings. */
    protected abstract String bootstrapServers();

    @Test
    void theSixTopicsExistWithTheirPartitionsAndOrderKeepingSettings() throws Exception {
        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get();

            assertThat(topics).containsOnlyKeys(Topics.ALL);
            assertThat(topics.values()).allSatisfy(topic ->
                    assertThat(topic.partitions()).hasSize(EvChargingTopics.DEFAULT_PARTITIONS));

            List<ConfigResource> resources = Topics.ALL.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                    .collect(Collectors.toList());
            Collection<Config> configs = admin.describeConfigs(resources).all().get().values();
            assertThat(configs).allSatisfy(config -> {
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
                assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("1");
                assertThat(config.get(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG).value()).isEqualTo("false");
            });
        }
    }

    @Test
    void keyedRecordsComeBackCompleteAndInOrderPerKey() {
        String prefix = KafkaTestClients.uniquePrefix("cp");
        List<String> keys = KafkaTestClients.uniqueKeys(prefix, 8);
        int perKey = 125;

        KafkaTestClients.produce(bootstrapServers(), Topics.CHARGING_SESSION_DATA, keys, perKey);
        List<ConsumerRecord<String, String>> received = KafkaTestClients.consume(bootstrapServers(),
                Topics.CHARGING_SESSION_DATA, prefix, keys.size() * perKey, TIMEOUT);

        assertThat(received).hasSize(1_000);
        Map<String, List<String>> valuesByKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : received) {
            valuesByKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value());
        }
        assertThat(valuesByKey).containsOnlyKeys(keys);
        valuesByKey.forEach((key, values) -> assertThat(values)
                .as("records of %s", key)
                .containsExactlyElementsOf(IntStream.range(0, perKey).mapToObj(seq -> key + "#" + seq).toList()));
    }

    @Test
    void creatingTheTopicsAgainChangesNothing() {
        Set<String> created = new EvChargingTopics().ensureCreated(bootstrapServers(), TIMEOUT);

        assertThat(created).isEmpty();
    }

    @Test
    void concurrentCreatorsEachSucceedAndEveryTopicIsCreatedOnce() throws Exception {
        try (Admin admin = admin()) {
            admin.deleteTopics(Topics.ALL).all().get();
            await().atMost(TIMEOUT).until(() -> admin.listTopics().names().get().stream()
                    .noneMatch(Topics.ALL::contains));
        }

        ExecutorService creators = Executors.newFixedThreadPool(4);
        try {
            Callable<Set<String>> creation = () -> new EvChargingTopics().ensureCreated(bootstrapServers(), TIMEOUT);
            List<Future<Set<String>>> results = creators.invokeAll(List.of(creation, creation, creation, creation));
            List<String> createdByAnyone = new ArrayList<>();
            for (Future<Set<String>> result : results) {
                createdByAnyone.addAll(result.get());
            }
            assertThat(createdByAnyone).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        } finally {
            creators.shutdownNow();
        }
        theSixTopicsExistWithTheirPartitionsAndOrderKeepingSettings();
    }

    private Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(config);
    }
}
