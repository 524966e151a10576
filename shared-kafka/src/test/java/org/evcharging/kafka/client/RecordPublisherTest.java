package org.evcharging.kafka.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordPublisherTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void aKeyedSendArrivesWithItsKeyAndIsAcknowledged() throws Exception {
        String driver = TestBrokers.unique("driver");
        ChargeRequest request = ChargeRequest.of("CP-1", driver);
        try (EmbeddedKafkaBroker broker = TestBrokers.started(dataDir);
             RecordPublisher publisher = new RecordPublisher(broker.bootstrapServers(), "test-keyed");
             TopicReader reader = new TopicReader(broker.bootstrapServers(), Topics.DRIVER_CHARGE_REQUESTS)) {
            CompletableFuture<Exception> done = new CompletableFuture<>();

            publisher.publish(Topics.DRIVER_CHARGE_REQUESTS, request, done::complete);

            assertThat(done.get(ARRIVAL.toSeconds(), TimeUnit.SECONDS)).isNull();
            await().atMost(ARRIVAL).until(() -> reader.withKey(driver).size() == 1);
            assertThat(messageIds(reader.withKey(driver))).containsExactly(request.messageId());
        }
    }

    @Test
    void aSendWhileTheBrokerIsDownReturnsAtOnceAndArrivesInOrderOnceItIsUp() throws Exception {
        int port = TestBrokers.freePort();
        String driver = TestBrokers.unique("driver");
        List<ChargeRequest> requests = List.of(ChargeRequest.of("CP-1", driver), ChargeRequest.of("CP-2", driver),
                ChargeRequest.of("CP-3", driver));
        List<CompletableFuture<Exception>> acks = new ArrayList<>();
        try (RecordPublisher publisher = new RecordPublisher("localhost:" + port, "test-down")) {
            long started = System.nanoTime();
            for (ChargeRequest request : requests) {
                CompletableFuture<Exception> ack = new CompletableFuture<>();
                acks.add(ack);
                publisher.publish(Topics.DRIVER_CHARGE_REQUESTS, request, ack::complete);
            }
            // The producer alone would wait max.block.ms for metadata inside the first send.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
            assertThat(acks).noneMatch(CompletableFuture::isDone);

            try (EmbeddedKafkaBroker broker = TestBrokers.started(dataDir, port);
                 TopicReader reader = new TopicReader(broker.bootstrapServers(), Topics.DRIVER_CHARGE_REQUESTS)) {
                for (CompletableFuture<Exception> ack : acks) {
                    assertThat(ack.get(ARRIVAL.toSeconds(), TimeUnit.SECONDS)).isNull();
                }
                await().atMost(ARRIVAL).until(() -> reader.withKey(driver).size() == requests.size());
                assertThat(messageIds(reader.withKey(driver)))
                        .containsExactlyElementsOf(requests.stream().map(WireMessage::messageId).toList());
            }
        }
    }

    @Test
    void aFullBacklogRefusesNewRecordsAndSaysSo() {
        int port = TestBrokers.freePort();
        List<CompletableFuture<Exception>> acks = new ArrayList<>();
        try (RecordPublisher publisher = new RecordPublisher("localhost:" + port, "test-overflow", 2)) {
            for (int i = 0; i < 5; i++) {
                CompletableFuture<Exception> ack = new CompletableFuture<>();
                acks.add(ack);
                publisher.publish(Topics.DRIVER_CHARGE_REQUESTS, ChargeRequest.of("CP", "d" + i), ack::complete);
            }

            // One record may be with the producer already and two wait: at least two are refused.
            assertThat(acks).filteredOn(ack -> ack.isDone() && ack.join() != null).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(ack -> assertThat(ack.join()).hasMessageContaining("backlog full"));
        }
    }

    @Test
    void closeFlushesWhatWasQueuedAndRefusesWhatComesAfter() throws Exception {
        String driver = TestBrokers.unique("driver");
        try (EmbeddedKafkaBroker broker = TestBrokers.started(dataDir)) {
            RecordPublisher publisher = new RecordPublisher(broker.bootstrapServers(), "test-close");
            CompletableFuture<Exception> before = new CompletableFuture<>();
            publisher.publish(Topics.DRIVER_CHARGE_REQUESTS, ChargeRequest.of("CP", driver), before::complete);

            publisher.close(Duration.ofSeconds(30));

            assertThat(before).isCompletedWithValue(null);
            CompletableFuture<Exception> after = new CompletableFuture<>();
            publisher.publish(Topics.DRIVER_CHARGE_REQUESTS, ChargeRequest.of("CP", driver), after::complete);
            assertThat(after.join()).hasMessageContaining("closed");
        }
    }

    @Test
    void closeIsBoundedWhileTheBrokerIsDownAndFailsWhatIsLeft() {
        RecordPublisher publisher = new RecordPublisher("localhost:" + TestBrokers.freePort(), "test-close-down");
        CompletableFuture<Exception> ack = new CompletableFuture<>();
        publisher.publish(Topics.DRIVER_CHARGE_REQUESTS, ChargeRequest.of("CP", "d"), ack::complete);

        long started = System.nanoTime();
        publisher.close(Duration.ofSeconds(1));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(ack).isCompleted();
        assertThat(ack.join()).isNotNull();
    }

    private static List<String> messageIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> MessageCodec.parse(r.value()))
                .map(result -> ((ParseResult.Parsed) result).message().messageId()).toList();
    }
}
