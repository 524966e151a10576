package org.evcharging.kafka;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain producers and consumers, configured the way the system's processes use Kafka. */
final class KafkaTestClients {

    private KafkaTestClients() {
    }

    /** Sends {@code perKey} records for each key, values {@code "key#seq"}, and waits for every ack. */
    static List<ProducerRecord<String, String>> produce(String bootstrap, String topic, List<String> keys, int perKey) {
        List<ProducerRecord<String, String>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrap))) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            // Interleaved keys, as concurrent drivers and CPs would send them.
            for (int seq = 0; seq < perKey; seq++) {
                for (String key : keys) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, key + "#" + seq);
                    sent.add(record);
                    acks.add(producer.send(record));
                }
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new AssertionError("Record not acknowledged: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return sent;
    }

    /**
     * Reads the topic from the beginning with a new consumer group until {@code expected} records
     * whose key starts with {@code keyPrefix} arrived, or fails at the deadline.
     */
    static List<ConsumerRecord<String, String>> consume(String bootstrap, String topic, String keyPrefix,
            int expected, Duration timeout) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(bootstrap))) {
            consumer.subscribe(List.of(topic));
            await().atMost(timeout).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith(keyPrefix)) {
                        received.add(record);
                    }
                }
                return received.size() >= expected;
            });
        }
        return received;
    }

    static Properties producerConfig(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    static Properties consumerConfig(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }

    /** Keys unique to one test run, so that records of other tests on the same topic never count. */
    static List<String> uniqueKeys(String prefix, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(prefix + "-" + i);
        }
        return keys;
    }

    static String uniquePrefix(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
