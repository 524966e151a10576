package it.org.evcharging.central.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evcharging.api.Topics;
import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.WireMessage;

/**
 * A scripted driver on real Kafka: produces requests keyed by its id and reads {@code driver_responses}
 * from "now" on, keeping only the records addressed to it, as a driver application does.
 */
public final class KafkaDriver implements AutoCloseable {

    private final String driverId;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final BlockingQueue<WireMessage> received = new LinkedBlockingQueue<>();
    private final Thread poller;
    private volatile boolean running = true;

    public KafkaDriver(String bootstrap, String driverId) {
        this(bootstrap, driverId, Map.of());
    }

    /** A driver of a secured cluster: {@code security} holds its TLS/SASL client properties. */
    public KafkaDriver(String bootstrap, String driverId, Map<String, Object> security) {
        this.driverId = driverId;
        Map<String, Object> producerConfig = new java.util.HashMap<>(security);
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        Map<String, Object> consumerConfig = new java.util.HashMap<>(security);
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.DRIVER_RESPONSES).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.poller = new Thread(this::poll, "kafka-driver-" + driverId);
        poller.setDaemon(true);
        poller.start();
    }

    public void send(String topic, WireMessage request) throws Exception {
        producer.send(new ProducerRecord<>(topic, driverId, MessageCodec.toJson(request))).get(10, TimeUnit.SECONDS);
    }

    public void sendRaw(String topic, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, driverId, value)).get(10, TimeUnit.SECONDS);
    }

    /** Sends {@code values} back to back (a burst, as a CP sends the backlog it kept while Kafka was away), then waits for all. */
    public void sendRawBurst(String topic, List<String> values) throws Exception {
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (String value : values) {
            sent.add(producer.send(new ProducerRecord<>(topic, driverId, value)));
        }
        for (java.util.concurrent.Future<?> done : sent) {
            done.get(10, TimeUnit.SECONDS);
        }
    }

    public <T extends WireMessage> T await(Class<T> type, Predicate<T> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            WireMessage next = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                throw new AssertionError(driverId + ": no " + type.getSimpleName() + " as expected within " + timeout);
            }
            if (type.isInstance(next) && test.test(type.cast(next))) {
                return type.cast(next);
            }
        }
    }

    /** The next message addressed to this driver, if one comes within {@code timeout}. */
    public Optional<WireMessage> next(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Everything received so far and not yet consumed by {@link #await}. */
    public List<WireMessage> drain() {
        List<WireMessage> all = new java.util.ArrayList<>();
        received.drainTo(all);
        return all;
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                if (MessageCodec.parse(record.value()) instanceof ParseResult.Parsed parsed
                        && parsed.message() instanceof DriverScoped scoped && driverId.equals(scoped.driverId())) {
                    received.add(parsed.message());
                }
            }
        }
        consumer.close();
    }

    /** The driver id this client speaks for. */
    public String id() {
        return driverId;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5_000);
        producer.close(Duration.ofSeconds(5));
    }
}
