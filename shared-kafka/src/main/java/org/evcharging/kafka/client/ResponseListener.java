package org.evcharging.kafka.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;

/**
 * Reads a topic (the drivers' {@code driver_responses}) from its end at start-up and hands each
 * readable message to a handler. No consumer group: a group per driver replayed old tickets from
 * the earliest offset, and two processes in one group split the partitions (10.30). Here every
 * partition is assigned directly and positioned at its end before {@link #awaitPositioned} returns,
 * so nothing older is seen and nothing sent after that is missed. The consumer keeps its positions
 * across a broker restart and reconnects by itself; errors of the poll loop are logged once per
 * outage and the loop goes on until {@link #close}.
 */
public final class ResponseListener implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ResponseListener.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_WAIT = Duration.ofSeconds(3);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    private static final Duration STOP_BOUND = Duration.ofSeconds(3);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Consumer<ConsumerRecord<String, byte[]>> delivery;
    private final Consumer<String> onWait;
    private final Outage outage;
    private final Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile boolean running = true;

    private ResponseListener(String bootstrapServers, String clientId, String topic,
                             Consumer<ConsumerRecord<String, byte[]>> delivery, Consumer<String> onWait) {
        this.consumer = new KafkaConsumer<>(ClientSettings.groupless(bootstrapServers, clientId, METADATA_WAIT));
        this.topic = topic;
        this.delivery = delivery;
        this.onWait = onWait;
        this.outage = new Outage(LOG, "Kafka at " + bootstrapServers + " (reading " + topic + ")");
        this.thread = new Thread(this::run, clientId);
        this.thread.setDaemon(true);
    }

    /**
     * Starts reading {@code topic} on a thread of its own. {@code onWait} hears, on that thread,
     * each time the topic could not be found yet (the broker is away or nobody created it).
     */
    public static ResponseListener start(String bootstrapServers, String clientId, String topic,
                                         MessageHandler handler, Consumer<String> onWait) {
        ResponseListener listener = new ResponseListener(bootstrapServers, clientId, topic,
                record -> deliver(topic, handler, record), onWait);
        listener.thread.start();
        return listener;
    }

    /**
     * As {@link #start}, for a topic whose records are not wire messages (Central's {@code cp_commands}):
     * each record's value is handed over as text; a handler's exception is logged and reading goes on.
     */
    public static ResponseListener startRaw(String bootstrapServers, String clientId, String topic,
                                            Consumer<String> values, Consumer<String> onWait) {
        ResponseListener listener = new ResponseListener(bootstrapServers, clientId, topic, record -> {
            try {
                values.accept(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not handle a record of " + topic, e);
            }
        }, onWait);
        listener.thread.start();
        return listener;
    }

    /** Waits until every partition is positioned at its end: records produced from now on will be seen. */
    public void awaitPositioned() throws InterruptedException {
        positioned.await();
    }

    /** As {@link #awaitPositioned()}, giving up after {@code timeout}; true if positioned. */
    public boolean awaitPositioned(Duration timeout) throws InterruptedException {
        return positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            if (!assignAtEnd()) {
                return;
            }
            while (running) {
                pollOnce();
            }
        } catch (WakeupException | InterruptedException e) {
            // close() asked us to stop.
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private boolean assignAtEnd() throws InterruptedException {
        while (running) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_WAIT);
                if (infos != null && !infos.isEmpty()) {
                    List<TopicPartition> partitions = infos.stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToEnd(partitions);
                    // seekToEnd is lazy: resolving the positions now fixes "the end" before anyone
                    // is told we are listening.
                    partitions.forEach(consumer::position);
                    LOG.info(() -> "Reading " + partitions.size() + " partitions of " + topic + " from their end");
                    positioned.countDown();
                    return true;
                }
                onWait.accept("topic " + topic + " does not exist yet");
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                onWait.accept("no answer from the Kafka broker");
            }
        }
        return false;
    }

    private void pollOnce() throws InterruptedException {
        try {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.value() != null) {
                    delivery.accept(record);
                }
            }
            outage.succeeded(() -> "reading " + topic + " again");
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            outage.failed(e, () -> "retrying until it is back");
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE.toMillis());
        }
    }

    private static void deliver(String topic, MessageHandler handler, ConsumerRecord<String, byte[]> record) {
        // A record that is not a message of ours must not stop the listener (10.31).
        ParseResult result = MessageCodec.parse(record.value());
        if (!(result instanceof ParseResult.Parsed parsed)) {
            LOG.fine(() -> "Skipping unreadable record on " + topic + ": " + result);
            return;
        }
        try {
            handler.handle(parsed.message(), record.timestamp());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not handle " + parsed.message().type() + " from " + topic, e);
        }
    }

    /** Stops reading and waits (boundedly) for the reading thread to let go of the consumer. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(STOP_BOUND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
