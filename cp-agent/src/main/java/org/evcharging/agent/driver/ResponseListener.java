package org.evcharging.agent.driver;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.evcharging.api.Topics;
import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.WireMessage;

/**
 * Reads {@code driver_responses} from its end at start-up and hands on the messages addressed to
 * this driver. The first Driver used a consumer group per driver id reading from the earliest
 * offset, so a new driver replayed old tickets and two processes with one id split the partitions
 * (10.30). Here every partition is assigned directly (no group) and positioned at its end before
 * the first request goes out, so nothing older is seen and nothing of ours is missed.
 */
final class ResponseListener implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ResponseListener.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_WAIT = Duration.ofSeconds(5);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String driverId;
    private final Consumer<WireMessage> handler;
    private final Thread thread;

    private ResponseListener(KafkaConsumer<String, byte[]> consumer, String driverId, Consumer<WireMessage> handler) {
        this.consumer = consumer;
        this.driverId = driverId;
        this.handler = handler;
        this.thread = new Thread(this::pollLoop, "driver-responses");
        this.thread.setDaemon(true);
    }

    /**
     * Positions at the current end of every partition, then starts listening. Blocks until Kafka
     * answered; {@code onWait} is told each time it did not yet.
     */
    static ResponseListener start(String bootstrapServers, String driverId, Consumer<WireMessage> handler,
                                  Consumer<String> onWait) throws InterruptedException {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config(bootstrapServers, driverId));
        try {
            List<TopicPartition> partitions = awaitPartitions(consumer, onWait);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // seekToEnd is lazy: resolving the positions now fixes "the end" before our first request.
            partitions.forEach(consumer::position);
        } catch (InterruptedException | RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
        ResponseListener listener = new ResponseListener(consumer, driverId, handler);
        listener.thread.start();
        return listener;
    }

    private static Properties config(String bootstrapServers, String driverId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "driver-" + driverId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) METADATA_WAIT.toMillis());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private static List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> consumer,
                                                        Consumer<String> onWait) throws InterruptedException {
        while (true) {
            try {
                var infos = consumer.partitionsFor(Topics.DRIVER_RESPONSES, METADATA_WAIT);
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                }
                onWait.accept("topic " + Topics.DRIVER_RESPONSES + " does not exist yet");
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                onWait.accept("no answer from the Kafka broker");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    private void pollLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    deliver(record);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop.
        } catch (KafkaException e) {
            LOG.log(Level.SEVERE, "Stopped reading " + Topics.DRIVER_RESPONSES, e);
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> record) {
        // A record that is not JSON must not stop the listener, unlike the first Driver's (10.31).
        ParseResult result = MessageCodec.parse(record.value());
        if (!(result instanceof ParseResult.Parsed parsed)) {
            LOG.fine(() -> "Skipping unreadable record on " + Topics.DRIVER_RESPONSES + ": " + result);
            return;
        }
        WireMessage message = parsed.message();
        if (message instanceof DriverScoped scoped && driverId.equals(scoped.driverId())) {
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not handle " + message.type(), e);
            }
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(3).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
