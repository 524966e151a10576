package org.evcharging.central.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.logging.Logger;

import org.evcharging.central.infrastructure.config.CentralConfig;
import org.evcharging.central.infrastructure.health.StartupGate;
import org.evcharging.kafka.client.GroupReader;

/**
 * Central's plain Kafka readers (the topics it reads in batches rather than through a channel).
 * Each joins its consumer group only once Central has started: a member that joined earlier would
 * hold its partitions — and the records on them — while it cannot act on them yet, which during a
 * rolling restart kept requests waiting on the Central that was starting instead of the one that ran.
 */
@ApplicationScoped
public class GroupReaders {

    private static final Logger LOG = Logger.getLogger(GroupReaders.class.getName());
    private static final Duration START_LOG_PERIOD = Duration.ofSeconds(30);

    @Resource
    ManagedThreadFactory threads;

    @Inject
    CentralConfig config;

    @Inject
    StartupGate gate;

    private final List<GroupReader> readers = new ArrayList<>();
    private volatile boolean stopping;

    /** Reads {@code topic} as a member of {@code group} once Central has started, {@code batches} handling each poll. */
    public void readOnceStarted(String topic, String group, int maxPollRecords, Consumer<List<String>> batches) {
        readOnceStarted(topic, group, maxPollRecords, batches, waitedMillis -> { });
    }

    /** The same, telling {@code arrivals} how long each record waited in Kafka before it was polled (ms). */
    public void readOnceStarted(String topic, String group, int maxPollRecords, Consumer<List<String>> batches,
            LongConsumer arrivals) {
        Thread joining = threads.newThread(() -> join(topic, group, maxPollRecords, batches, arrivals));
        joining.setName("join-" + group);
        joining.start();
    }

    private void join(String topic, String group, int maxPollRecords, Consumer<List<String>> batches,
            LongConsumer arrivals) {
        try {
            while (!stopping && !gate.awaitOpen(START_LOG_PERIOD)) {
                LOG.warning(() -> "Records of " + topic + " wait for Central to finish starting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (readers) {
            if (!stopping) {
                readers.add(GroupReader.start(new GroupReader.Settings(config.brokerAddress(), "ev-central-" + topic, group,
                        topic, maxPollRecords), threads, batches, arrivals));
            }
        }
    }

    void stop(@Observes Shutdown event) {
        stopping = true;
        synchronized (readers) {
            readers.forEach(GroupReader::close);
            readers.clear();
        }
    }
}
