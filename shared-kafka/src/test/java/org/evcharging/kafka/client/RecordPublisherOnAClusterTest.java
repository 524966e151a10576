package org.evcharging.kafka.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.kafka.KafkaBrokerProcess;
import org.evcharging.kafka.KafkaClusterProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system's producer on a three-process Kafka cluster: one broker is killed (kill -9) while
 * readings flow; every reading the cluster acknowledged is still there, once, and a consumer group
 * reading all along goes on.
 */
class RecordPublisherOnAClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aKilledBrokerOfThreeLosesNoAcknowledgedRecordAndConsumersGoOn() throws Exception {
        try (KafkaClusterProcesses cluster = KafkaClusterProcesses.of(dir, 3, Duration.ofSeconds(120)).start()) {
            assertTopicsAreReplicated(cluster.bootstrapServers());

            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            Set<Long> consumed = ConcurrentHashMap.newKeySet();
            AtomicLong duplicates = new AtomicLong();
            AtomicBoolean consuming = new AtomicBoolean(true);
            AtomicLong killedAt = new AtomicLong();
            String session = TestBrokers.unique("s-cluster");
            Thread consumer = new Thread(() -> consume(cluster.bootstrapServers(), session, consumed, duplicates, consuming));
            consumer.start();
            try (RecordPublisher publisher = new RecordPublisher(cluster.bootstrapServers(), "cluster-test")) {
                AtomicLong seq = new AtomicLong();
                Runnable publishSome = () -> {
                    for (int i = 0; i < 20; i++) {
                        long n = seq.incrementAndGet();
                        publisher.publish(Topics.CHARGING_SESSION_DATA, ChargingData.of("cp_" + (n % 7), session, "d", n, n, n),
                                error -> {
                                    if (error == null) {
                                        acknowledged.add(n);
                                    }
                                });
                    }
                };
                await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
                    publishSome.run();
                    return acknowledged.size() >= 500;
                });

                KafkaBrokerProcess victim = cluster.node(2);
                victim.kill();
                long atKill = seq.get();
                killedAt.set(atKill);

                // Writes and reads go on with two of three: acks=all needs min.insync.replicas=2.
                await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
                    publishSome.run();
                    return acknowledged.stream().filter(n -> n > atKill).count() >= 500;
                });
                await().atMost(WAIT).until(() -> consumed.stream().anyMatch(n -> n > atKill + 400));
            } // close waits for the acknowledgements still due; what is not acknowledged by then is not counted
            await().atMost(WAIT).untilAsserted(() -> assertThat(consumed).containsAll(acknowledged));
            consuming.set(false);
            consumer.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(duplicates.get()).as("idempotent producer: no record written twice").isZero();
            System.out.printf("[cluster] %d records acknowledged, all of them consumed, none twice; node 2 killed at #%d%n",
                    acknowledged.size(), killedAt.get());
        }
    }

    private static void assertTopicsAreReplicated(String bootstrap) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            TopicDescription data = admin.describeTopics(List.of(Topics.CHARGING_SESSION_DATA)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(Topics.CHARGING_SESSION_DATA);
            assertThat(data.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CHARGING_SESSION_DATA);
            String minInsync = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                    .get("min.insync.replicas").value();
            assertThat(minInsync).isEqualTo("2");
        }
    }

    private static void consume(String bootstrap, String session, Set<Long> consumed, AtomicLong duplicates,
                                AtomicBoolean consuming) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, TestBrokers.unique("cluster-readers"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.CHARGING_SESSION_DATA));
            while (consuming.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (MessageCodec.parse(record.value().getBytes(StandardCharsets.UTF_8))
                            instanceof org.evcharging.api.message.ParseResult.Parsed parsed
                            && parsed.message() instanceof ChargingData data && session.equals(data.sessionId())
                            && !consumed.add(data.seq())) {
                        duplicates.incrementAndGet();
                    }
                }
            }
        }
    }
}
