package org.evcharging.kafka.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads a topic as a member of a consumer group and hands over each poll's records at once, as
 * text, in order: a reader of floods (every CP's meter, every second) can keep the latest record
 * of a batch and skip the rest, which a one-record-at-a-time channel cannot. Offsets are committed
 * after the batch was handled (at least once); a batch whose handler failed is read again.
 * The consumer reconnects by itself; errors of the loop are logged once per outage.
 */
public final class GroupReader implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupReader.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    private static final Duration STOP_BOUND = Duration.ofSeconds(3);
    private static final Duration LAST_COMMIT = Duration.ofSeconds(1);

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final Consumer<List<String>> batches;
    private final LongConsumer arrivals;
    private final Outage outage;
    private final Thread thread;
    private volatile boolean running = true;

    private GroupReader(Settings settings, ThreadFactory threads, Consumer<List<String>> batches, LongConsumer arrivals) {
        this.consumer = new KafkaConsumer<>(ClientSettings.grouped(settings.bootstrapServers, settings.clientId,
                settings.groupId, settings.maxPollRecords));
        this.topic = settings.topic;
        this.batches = batches;
        this.arrivals = arrivals;
        this.outage = new Outage(LOG, "Kafka at " + settings.bootstrapServers + " (group " + settings.groupId + " reading " + topic + ")");
        this.thread = threads.newThread(this::run);
        this.thread.setName(settings.clientId);
    }

    /** Who reads what: the group's id is what commits the offsets and shares the partitions out. */
    public record Settings(String bootstrapServers, String clientId, String groupId, String topic, int maxPollRecords) {
    }

    /** Joins the group and reads on a thread from {@code threads}; {@code batches} must not block for long. */
    public static GroupReader start(Settings settings, ThreadFactory threads, Consumer<List<String>> batches) {
        return start(settings, threads, batches, waitedMillis -> { });
    }

    /**
     * As {@link #start(Settings, ThreadFactory, Consumer)}, telling {@code arrivals} how long each record
     * waited between its producer stamping it and this reader polling it (ms, producer's clock).
     */
    public static GroupReader start(Settings settings, ThreadFactory threads, Consumer<List<String>> batches,
            LongConsumer arrivals) {
        GroupReader reader = new GroupReader(settings, threads, batches, arrivals);
        reader.thread.start();
        return reader;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new CommitBeforeRevoke());
            while (running) {
                pollOnce();
            }
        } catch (WakeupException | InterruptedException e) {
            // close() asked us to stop.
        } finally {
            try {
                consumer.commitSync(LAST_COMMIT);
            } catch (RuntimeException e) {
                LOG.fine(() -> "Last commit of " + topic + " not made: " + e);
            }
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private void pollOnce() throws InterruptedException {
        ConsumerRecords<String, String> records;
        try {
            records = consumer.poll(POLL);
            outage.succeeded(() -> "reading " + topic + " again");
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            outage.failed(e, () -> "retrying until it is back");
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE.toMillis());
            return;
        }
        if (records.isEmpty()) {
            return;
        }
        List<String> values = new ArrayList<>(records.count());
        long polledAt = System.currentTimeMillis();
        for (ConsumerRecord<String, String> record : records) {
            arrivals.accept(polledAt - record.timestamp());
            if (record.value() != null) {
                values.add(record.value());
            }
        }
        try {
            batches.accept(values);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "A batch of " + values.size() + " records of " + topic + " could not be handled; reading it again", e);
            rewind(records);
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE.toMillis());
            return;
        }
        consumer.commitAsync();
    }

    private void rewind(ConsumerRecords<String, String> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    /** A partition moving to another member takes its handled offsets along: no batch is handled twice for it. */
    private final class CommitBeforeRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                consumer.commitSync(LAST_COMMIT);
            } catch (RuntimeException e) {
                LOG.fine(() -> "Commit before a rebalance not made: " + e);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.info(() -> "Reading " + partitions.size() + " partitions of " + topic);
        }
    }

    /** Stops reading, commits what was handled, and waits (boundedly) for the reading thread to let go. */
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
