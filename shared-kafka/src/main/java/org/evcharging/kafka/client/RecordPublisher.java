package org.evcharging.kafka.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.WireMessage;

/**
 * The system's one way to put records on Kafka: keyed, idempotent, {@code acks=all}, and a send
 * that never blocks its caller.
 *
 * <p>{@code KafkaProducer.send} blocks while it has no metadata for the topic (a broker that is
 * down) and then drops the record ("not present in metadata after …"). So callers only queue here,
 * and one thread of ours hands the queue to the producer in order, waiting and retrying for as long
 * as the broker is away. Once the producer took a record it retries it without a delivery time-out.
 * One thread and an idempotent producer keep each key's records in order. The queue is bounded so
 * an endless outage cannot exhaust memory; overflowing it is said loudly.
 */
public final class RecordPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RecordPublisher.class.getName());
    /** About an hour of one Engine's telemetry at a tick a second, times a few dozen CPs. */
    public static final int DEFAULT_MAX_BACKLOG = 100_000;
    public static final Duration DEFAULT_CLOSE_BOUND = Duration.ofSeconds(5);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    private static final Consumer<Exception> IGNORE = error -> { };

    private record Pending(ProducerRecord<String, byte[]> record, Consumer<Exception> onDone) {
    }

    private final Producer<String, byte[]> producer;
    private final BlockingQueue<Pending> backlog;
    private final int maxBacklog;
    private final Thread sender;
    private final Outage outage;
    private final AtomicBoolean overflowing = new AtomicBoolean();
    private final AtomicInteger unacknowledged = new AtomicInteger();
    private volatile boolean closing;
    private volatile UnaryOperator<byte[]> valueSigner = UnaryOperator.identity();
    /** An error {@code send} reported before returning, i.e. the producer did not take the record. */
    private Exception refusedNow;

    public RecordPublisher(String bootstrapServers, String clientId) {
        this(bootstrapServers, clientId, DEFAULT_MAX_BACKLOG);
    }

    public RecordPublisher(String bootstrapServers, String clientId, int maxBacklog) {
        this(bootstrapServers, clientId, maxBacklog, ClientSettings.DEFAULT_LINGER_MS);
    }

    /**
     * As above, with the producer's {@code linger.ms}: 0 for a publisher whose records someone waits
     * for (a driver's answer). Under load the producer still batches what queues while a request
     * is in flight, so linger only ever adds latency to a lone record.
     */
    public RecordPublisher(String bootstrapServers, String clientId, int maxBacklog, int lingerMs) {
        this.producer = new KafkaProducer<>(ClientSettings.producer(bootstrapServers, clientId, lingerMs));
        this.maxBacklog = maxBacklog;
        this.backlog = new LinkedBlockingQueue<>(maxBacklog);
        this.outage = new Outage(LOG, "Kafka at " + bootstrapServers + " (" + clientId + ")");
        this.sender = new Thread(this::handOverAll, clientId + "-kafka-publisher");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /** Queues {@code message} for {@code topic}, keyed as {@link Topics#keyFor} says. */
    public void publish(String topic, WireMessage message) {
        publish(topic, message, IGNORE);
    }

    /**
     * As {@link #publish(String, WireMessage)}; {@code onDone} runs once, on a Kafka thread: with
     * null when the broker acknowledged, with the error when the record is given up (the backlog
     * overflowed, the broker refused it for good, or the publisher closed before it got through).
     */
    public void publish(String topic, WireMessage message, Consumer<Exception> onDone) {
        byte[] value = valueSigner.apply(MessageCodec.toBytes(message));
        enqueue(new ProducerRecord<>(topic, Topics.keyFor(topic, message), value), onDone);
    }

    /**
     * From now on every wire message's value passes through {@code signer} as it is queued (an
     * Engine signing its records with its CP's payload key); a record queued before keeps its value.
     */
    public void signValuesWith(UnaryOperator<byte[]> signer) {
        valueSigner = signer == null ? UnaryOperator.identity() : signer;
    }

    /** Queues a record that is not a wire message (a dead letter, say) under {@code key}. */
    public void send(String topic, String key, String json) {
        enqueue(new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8)), IGNORE);
    }

    /** Records queued and not yet taken by the producer. */
    public int backlog() {
        return backlog.size();
    }

    private void enqueue(ProducerRecord<String, byte[]> record, Consumer<Exception> onDone) {
        boolean queued;
        // Against close(): a record is either queued before closing starts, or refused.
        synchronized (backlog) {
            if (closing) {
                finish(onDone, new IllegalStateException("The Kafka publisher is closed"));
                return;
            }
            queued = backlog.offer(new Pending(record, onDone));
        }
        if (!queued) {
            if (overflowing.compareAndSet(false, true)) {
                LOG.severe(() -> "Kafka backlog full (" + maxBacklog + " records): new records are DROPPED"
                        + " until Kafka takes the waiting ones; first dropped on " + record.topic());
            }
            finish(onDone, new IllegalStateException("Kafka backlog full (" + maxBacklog + " records)"));
        }
    }

    private void handOverAll() {
        Pending next = null;
        try {
            while (true) {
                next = backlog.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                handOver(next);
                next = null;
                if (backlog.size() < maxBacklog / 2 && overflowing.compareAndSet(true, false)) {
                    LOG.info("Kafka backlog below half full again: records are kept again");
                }
            }
        } catch (InterruptedException e) {
            // close() ran out of time: the record in hand is given up like those still queued.
            if (next != null) {
                finish(next.onDone(), new IllegalStateException("Closed before Kafka took the record"));
            }
        }
    }

    /** Gives {@code pending} to the producer, waiting as long as it is refused for a passing reason. */
    private void handOver(Pending pending) throws InterruptedException {
        while (true) {
            refusedNow = null;
            try {
                producer.send(pending.record(), (metadata, error) -> {
                    // The producer reports a record it did not take through the callback, on this
                    // thread, before send returns: that one is retried, not given up.
                    if (error != null && Thread.currentThread() == sender) {
                        refusedNow = error;
                    } else {
                        acknowledged(pending, error);
                    }
                });
            } catch (InterruptException e) {
                throw new InterruptedException();
            } catch (KafkaException | IllegalStateException e) {
                refusedNow = e;
            }
            if (refusedNow == null) {
                unacknowledged.incrementAndGet();
                return;
            }
            if (!(refusedNow instanceof RetriableException)) {
                LOG.log(Level.WARNING, "Kafka refused a record for " + pending.record().topic() + " (key "
                        + pending.record().key() + ")", refusedNow);
                finish(pending.onDone(), refusedNow);
                return;
            }
            outage.failed(refusedNow, () -> "keeping records in order until it is back (" + (backlog.size() + 1)
                    + " waiting)");
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE.toMillis());
        }
    }

    private void acknowledged(Pending pending, Exception error) {
        unacknowledged.decrementAndGet();
        if (error == null) {
            outage.succeeded(() -> backlog.size() + " records still waiting go out now");
        } else if (!closing) {
            LOG.warning(() -> "Kafka did not take a record for " + pending.record().topic() + " (key "
                    + pending.record().key() + "): " + error);
        }
        finish(pending.onDone(), error);
    }

    private static void finish(Consumer<Exception> onDone, Exception error) {
        try {
            onDone.accept(error);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A delivery callback failed", e);
        }
    }

    /**
     * Sends what is queued, waiting at most {@code bound} in all. Records still not acknowledged
     * then fail (their callbacks say so), so a caller can keep what it must for its next run.
     */
    public void close(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (backlog) {
            if (closing) {
                return;
            }
            closing = true;
        }
        try {
            sender.join(Math.max(1, bound.toMillis()));
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(RETRY_PAUSE.toMillis() * 5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        backlog.drainTo(left);
        int waiting = left.size() + unacknowledged.get();
        if (waiting > 0) {
            LOG.warning(() -> "Closing with " + waiting + " records Kafka has not acknowledged yet; those not"
                    + " acknowledged within the bound are given up");
        }
        left.forEach(p -> finish(p.onDone(), new IllegalStateException("Closed before Kafka took the record")));
        producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    @Override
    public void close() {
        close(DEFAULT_CLOSE_BOUND);
    }
}
