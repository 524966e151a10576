package org.evcharging.kafka.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evcharging.api.Topics;
import org.evcharging.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A consumer-group member that hands over whole polls and commits only what was handled. */
class GroupReaderTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String TOPIC = Topics.CHARGING_SESSION_DATA;

    @TempDir
    Path dataDir;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    @Test
    void handsOverWholePollsInOrderAndANewMemberOfTheGroupGoesOnAfterWhatWasHandled() throws Exception {
        String group = TestBrokers.unique("group");
        try (EmbeddedKafkaBroker broker = TestBrokers.started(dataDir)) {
            produce(broker, "cp_001", records("r", 0, 50));
            try (GroupReader reader = read(broker, group, this::record)) {
                await().atMost(WITHIN).until(() -> received.size() == 50);
            }
            assertThat(received).containsExactlyElementsOf(records("r", 0, 50));
            // Fifty records produced before the reader started come in a few polls, not one by one.
            assertThat(batchSizes.size()).isLessThan(50);

            received.clear();
            produce(broker, "cp_001", records("r", 50, 51));
            try (GroupReader next = read(broker, group, this::record)) {
                await().atMost(WITHIN).until(() -> received.contains("r50"));
            }
            assertThat(received).containsExactly("r50");
        }
    }

    @Test
    void aBatchWhoseHandlerFailedIsHandedOverAgain() throws Exception {
        AtomicBoolean failedOnce = new AtomicBoolean();
        Consumer<List<String>> failingFirst = batch -> {
            if (failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("database is locked");
            }
            record(batch);
        };
        try (EmbeddedKafkaBroker broker = TestBrokers.started(dataDir)) {
            produce(broker, "cp_002", records("m", 0, 5));
            try (GroupReader reader = read(broker, TestBrokers.unique("group"), failingFirst)) {
                await().atMost(WITHIN).until(() -> received.size() == 5);
            }
        }
        assertThat(failedOnce).isTrue();
        assertThat(received).containsExactlyElementsOf(records("m", 0, 5));
    }

    @Test
    void tellsHowLongEachRecordWaitedInKafkaBeforeItWasPolled() throws Exception {
        List<Long> waits = new CopyOnWriteArrayList<>();
        try (EmbeddedKafkaBroker broker = TestBrokers.started(dataDir)) {
            long producedFrom = System.currentTimeMillis();
            produce(broker, "cp_003", records("w", 0, 3));
            try (GroupReader reader = GroupReader.start(new GroupReader.Settings(broker.bootstrapServers(),
                    TestBrokers.unique("reader"), TestBrokers.unique("group"), TOPIC, 500), Thread::new, this::record,
                    waits::add)) {
                await().atMost(WITHIN).until(() -> received.size() == 3);
            }
            long polledBy = System.currentTimeMillis();
            // Each wait runs from the record's producer timestamp to its poll, both within this test's span.
            assertThat(waits).hasSize(3).allSatisfy(waited -> assertThat(waited).isBetween(0L, polledBy - producedFrom));
        }
    }

    private void record(List<String> batch) {
        batchSizes.add(batch.size());
        received.addAll(batch);
    }

    private static GroupReader read(EmbeddedKafkaBroker broker, String group, Consumer<List<String>> batches) {
        return GroupReader.start(new GroupReader.Settings(broker.bootstrapServers(), TestBrokers.unique("reader"), group,
                TOPIC, 500), Thread::new, batches);
    }

    private static List<String> records(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
    }

    private static void produce(EmbeddedKafkaBroker broker, String key, List<String> values) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (String value : values) {
                sent.add(producer.send(new ProducerRecord<>(TOPIC, key, value)));
            }
            for (java.util.concurrent.Future<?> done : sent) {
                done.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }
}
