package org.evcharging.kafka.client;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The settings of every Kafka client of the system, so the three processes cannot drift apart again. */
final class ClientSettings {

    /** A restarted broker is found again within a second, not after the default 1 s…1 min backoff climb. */
    private static final int RECONNECT_BACKOFF_MAX_MS = 1_000;

    /**
     * How long {@code send} may wait for a topic's metadata or buffer space. Only the publisher's
     * own thread ever waits, so this is the pace of retries while the broker is away, not a limit.
     */
    static final Duration PRODUCER_MAX_BLOCK = Duration.ofSeconds(1);

    private ClientSettings() {
    }

    /** A few records of one tick share a request; small enough for interactive answers. */
    static final int DEFAULT_LINGER_MS = 5;

    static Properties producer(String bootstrapServers, String clientId) {
        return producer(bootstrapServers, clientId, DEFAULT_LINGER_MS);
    }

    static Properties producer(String bootstrapServers, String clientId, int lingerMs) {
        Properties config = common(bootstrapServers, clientId);
        // Idempotent with acks=all: a retried batch is never written twice nor reordered within a key.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) PRODUCER_MAX_BLOCK.toMillis());
        // No delivery time-out: a record the producer took is retried until the broker is back,
        // instead of being dropped after minutes of outage.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    /** A reader without a consumer group: it commits nothing and starts where it is told. */
    static Properties groupless(String bootstrapServers, String clientId, Duration apiTimeout) {
        Properties config = common(bootstrapServers, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Also what happens if a broker comes back without our offsets: new records only.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) apiTimeout.toMillis());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    /**
     * A member of consumer group {@code groupId} that commits itself, after handling what it polled:
     * a record is never skipped, at worst handled twice after a crash.
     */
    static Properties grouped(String bootstrapServers, String clientId, String groupId, int maxPollRecords) {
        Properties config = common(bootstrapServers, clientId);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // A member that died is replaced within seconds, as with the connector's channels.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }

    static Properties admin(String bootstrapServers, String clientId, Duration requestTimeout) {
        Properties config = common(bootstrapServers, clientId);
        int timeoutMs = (int) requestTimeout.toMillis();
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        return config;
    }

    private static Properties common(String bootstrapServers, String clientId) {
        Properties config = new Properties();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, RECONNECT_BACKOFF_MAX_MS);
        // TLS/SASL from the process's environment: every client of the process agrees by construction.
        config.putAll(KafkaSecurity.fromEnvironment().clientProperties());
        return config;
    }
}
