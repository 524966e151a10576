package org.evcharging.agent.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.WireMessage;

/**
 * Publishes wire messages to Kafka without ever blocking the caller. The first implementation
 * waited for every acknowledgement inside its metering loop, so a slow broker shortened the
 * supply (10.40); here {@link #publish} only queues. {@code KafkaProducer.send} itself may block
 * (while fetching a topic's metadata or when its buffer is full), so it runs on a thread of its
 * own, which also keeps records in the order they were published.
 *
 * <p>Idempotent, {@code acks=all}, and a ten-minute delivery timeout: records produced while the
 * broker restarts wait in the producer and go out when it is back.
 */
public final class KafkaPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaPublisher.class.getName());
    static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(10);
    private static final int LINGER_MS = 5;

    private final Producer<String, byte[]> producer;
    private final ExecutorService sender;

    public KafkaPublisher(String bootstrapServers, String clientId) {
        this.producer = new KafkaProducer<>(config(bootstrapServers, clientId));
        this.sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    static Properties config(String bootstrapServers, String clientId) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    /**
     * Queues {@code message} for {@code topic}, keyed as {@link Topics#keyFor} says. {@code onDone}
     * runs once on a Kafka thread: with null when the broker acknowledged, with the error otherwise.
     */
    public void publish(String topic, WireMessage message, Consumer<Exception> onDone) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, Topics.keyFor(topic, message), MessageCodec.toBytes(message));
        try {
            sender.execute(() -> send(record, message, onDone));
        } catch (RejectedExecutionException e) {
            onDone.accept(new IllegalStateException("Kafka publisher is closed"));
        }
    }

    private void send(ProducerRecord<String, byte[]> record, WireMessage message, Consumer<Exception> onDone) {
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    LOG.warning(() -> "Kafka did not take " + message.type() + " " + message.messageId()
                            + " for " + record.topic() + ": " + error);
                }
                onDone.accept(error);
            });
        } catch (KafkaException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Cannot publish " + message.type() + " to " + record.topic(), e);
            onDone.accept(e);
        }
    }

    /**
     * Sends what is queued, waiting at most {@code timeout} in all; records still unacknowledged
     * then fail (their callbacks say so), so the caller can keep what it must for a later run.
     */
    public void close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        sender.shutdown();
        try {
            sender.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
