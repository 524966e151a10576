package org.evcharging.driver.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.evcharging.api.Topics;
import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;

/**
 * The portal's one reader of {@code driver_responses}. It takes every partition itself (no
 * consumer group), so several portal instances each see every driver's records, and starts at the
 * end, so no driver is shown old history (10.30). Each record goes to {@link ResponseRouter}.
 */
public final class ResponseListener implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ResponseListener.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_WAIT = Duration.ofSeconds(3);

    private final KafkaConsumer<String, byte[]> consumer;
    private final ResponseRouter router;
    private final Thread thread;
    private volatile boolean running = true;

    public ResponseListener(String bootstrapServers, ResponseRouter router) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "driver-portal-responses");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) METADATA_WAIT.toMillis());
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.router = router;
        this.thread = new Thread(this::run, "driver-portal-responses");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            if (!assignAtEnd()) {
                return;
            }
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    deliver(record);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop.
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Stopped reading " + Topics.DRIVER_RESPONSES, e);
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    /** Waits for the topic (Central creates it), then takes all its partitions from their end. */
    private boolean assignAtEnd() {
        while (running) {
            try {
                var infos = consumer.partitionsFor(Topics.DRIVER_RESPONSES, METADATA_WAIT);
                if (infos != null && !infos.isEmpty()) {
                    List<TopicPartition> partitions = infos.stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToEnd(partitions);
                    // seekToEnd is lazy: resolving positions now fixes "the end" before any request goes out.
                    partitions.forEach(consumer::position);
                    LOG.info(() -> "Reading " + partitions.size() + " partitions of " + Topics.DRIVER_RESPONSES);
                    return true;
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                LOG.fine("Kafka not answering yet: " + e.getMessage());
            }
        }
        return false;
    }

    private void deliver(ConsumerRecord<String, byte[]> record) {
        // An unreadable record is skipped, never fatal (10.31).
        ParseResult result = MessageCodec.parse(record.value());
        if (result instanceof ParseResult.Parsed parsed && parsed.message() instanceof DriverScoped scoped
                && scoped.driverId() != null) {
            try {
                router.route(scoped.driverId(), parsed.message(), record.timestamp());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not handle " + parsed.message().type(), e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
