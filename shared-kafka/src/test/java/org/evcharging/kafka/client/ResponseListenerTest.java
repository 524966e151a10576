package org.evcharging.kafka.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.evcharging.api.Topics;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.AvailableCpsRequest;
import org.evcharging.api.message.driver.AvailableCpsResponse;
import org.evcharging.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseListenerTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private final List<String> received = new CopyOnWriteArrayList<>();

    @Test
    void seesOnlyRecordsProducedAfterItStarted() throws Exception {
        WireMessage old = response();
        WireMessage fresh = response();
        try (EmbeddedKafkaBroker broker = TestBrokers.started(dataDir);
             RecordPublisher publisher = new RecordPublisher(broker.bootstrapServers(), "test-history")) {
            acknowledged(publisher, old);

            try (ResponseListener listener = listen(broker)) {
                assertThat(listener.awaitPositioned(WITHIN)).isTrue();
                acknowledged(publisher, fresh);

                await().atMost(WITHIN).until(() -> received.contains(fresh.messageId()));
                assertThat(received).containsExactly(fresh.messageId());
            }
        }
    }

    @Test
    void goesOnReadingAfterTheBrokerRestarts() throws Exception {
        int port = TestBrokers.freePort();
        WireMessage before = response();
        WireMessage after = response();
        ResponseListener listener;
        try (EmbeddedKafkaBroker broker = TestBrokers.started(dataDir, port)) {
            listener = listen(broker);
            assertThat(listener.awaitPositioned(WITHIN)).isTrue();
            try (RecordPublisher publisher = new RecordPublisher(broker.bootstrapServers(), "test-restart-1")) {
                acknowledged(publisher, before);
            }
            await().atMost(WITHIN).until(() -> received.contains(before.messageId()));
        }
        try (listener;
             EmbeddedKafkaBroker broker = TestBrokers.started(dataDir, port);
             RecordPublisher publisher = new RecordPublisher(broker.bootstrapServers(), "test-restart-2")) {
            acknowledged(publisher, after);

            await().atMost(WITHIN).until(() -> received.contains(after.messageId()));
            assertThat(received).containsExactly(before.messageId(), after.messageId());
        }
    }

    @Test
    void closeStopsAListenerStillWaitingForTheBroker() {
        ResponseListener listener = ResponseListener.start("localhost:" + TestBrokers.freePort(), "test-stop",
                Topics.DRIVER_RESPONSES, (message, timestamp) -> { }, why -> { });
        Thread reader = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("test-stop")).findFirst().orElseThrow();

        listener.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> !reader.isAlive());
    }

    private ResponseListener listen(EmbeddedKafkaBroker broker) {
        return ResponseListener.start(broker.bootstrapServers(), TestBrokers.unique("test-listener"),
                Topics.DRIVER_RESPONSES, (message, timestamp) -> received.add(message.messageId()), why -> { });
    }

    private static WireMessage response() {
        return AvailableCpsResponse.failure(AvailableCpsRequest.of(TestBrokers.unique("driver")), "test");
    }

    private static void acknowledged(RecordPublisher publisher, WireMessage message) throws Exception {
        CompletableFuture<Exception> ack = new CompletableFuture<>();
        publisher.publish(Topics.DRIVER_RESPONSES, message, ack::complete);
        assertThat(ack.get(WITHIN.toSeconds(), TimeUnit.SECONDS)).isNull();
    }
}
