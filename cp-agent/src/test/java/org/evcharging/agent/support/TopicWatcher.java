package org.evcharging.agent.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads one topic from its beginning, in the test's thread, and keeps every record seen. */
public final class TopicWatcher implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicWatcher(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until {@code count} records match, or fails after {@code timeout}; returns the matches in order. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> match, int count,
                                                      Duration timeout) {
        Awaitility.await().atMost(timeout).pollInSameThread().pollInterval(Duration.ZERO)
                .until(() -> {
                    consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
                    return matching(match).size() >= count;
                });
        return matching(match);
    }

    public List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> match) {
        return seen.stream().filter(match).toList();
    }

    /** Reads whatever arrives within {@code duration}; for asserting that nothing more came. */
    public void drain(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
    }

    @Override
    public void close() {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(2)));
    }
}
