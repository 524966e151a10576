package org.evcharging.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evcharging.agent.support.CapturedOutput;
import org.evcharging.agent.support.FrameTestClient;
import org.evcharging.agent.support.SharedKafka;
import org.evcharging.agent.support.TestAgents;
import org.evcharging.agent.support.TopicWatcher;
import org.evcharging.api.Topics;
import org.evcharging.api.message.Json;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.engine.CommandResponse;
import org.evcharging.api.message.engine.InitCpId;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Nothing metered is lost or counted twice across a crash, a clean stop or a lost Monitor. */
@ExtendWith(SharedKafka.class)
class EnginePersistenceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private final CapturedOutput output = new CapturedOutput("engine");
    private final String cpId = TestAgents.uniqueCpId();

    private FrameTestClient monitorOf(EngineAgent engine) {
        FrameTestClient monitor = new FrameTestClient(engine.address());
        InitCpId init = InitCpId.of(cpId);
        monitor.send(init);
        monitor.reply(CommandResponse.class, init.messageId());
        return monitor;
    }

    private static void startSession(FrameTestClient monitor, String cpId, String sessionId) {
        StartChargingCommand start = StartChargingCommand.of(cpId, sessionId, "driver_p", TestAgents.PRICE);
        monitor.send(start);
        assertThat(monitor.reply(CommandResponse.class, start.messageId()).succeeded()).isTrue();
    }

    /** Completions of this test's CP on Kafka whose JSON contains {@code fragment} (a session or message id). */
    private List<ChargeCompletion> completionsOnKafka(TopicWatcher topic, String fragment) {
        return topic.await(r -> cpId.equals(r.key()) && r.value().contains(fragment), 1, TIMEOUT).stream()
                .map(ConsumerRecord::value)
                .map(v -> MessageCodec.parse(v).messageAs(ChargeCompletion.class).orElseThrow())
                .toList();
    }

    @Test
    void aRestartReportsTheInterruptedSessionWithTheEnergyOfItsLastSavedTick() throws IOException {
        Path crashed = dir.resolve("crashed");
        Files.createDirectories(crashed);
        try (EngineAgent first = EngineAgent.start(TestAgents.engine(dir.resolve("first")), output.eventLog(), null);
             FrameTestClient monitor = monitorOf(first)) {
            startSession(monitor, cpId, "s-crash");
            monitor.await(ChargingData.class, d -> d.seq() >= 3);
            // What a kill -9 leaves behind: the state file as of the last tick it saved.
            Files.copy(dir.resolve("first").resolve(EngineStateStore.FILE_NAME), crashed.resolve(EngineStateStore.FILE_NAME));
        }
        JsonNode saved = Json.mapper().readTree(crashed.resolve(EngineStateStore.FILE_NAME).toFile()).get("supply");
        assertThat(saved.get("session_id").asText()).isEqualTo("s-crash");
        double savedEnergy = TestAgents.round(saved.get("energy_kwh").asDouble(), 3);
        assertThat(savedEnergy).isEqualTo(TestAgents.round(saved.get("seq").asLong() * TestAgents.KWH_PER_TICK, 3));

        try (TopicWatcher complete = new TopicWatcher(SharedKafka.bootstrapServers(), Topics.CHARGING_SESSION_COMPLETE);
             EngineAgent restarted = EngineAgent.start(TestAgents.engine(crashed), output.eventLog(), null)) {
            output.awaitLine("Interrupted session s-crash found on disk", TIMEOUT);
            try (FrameTestClient monitor = monitorOf(restarted)) {
                ChargeCompletion reported = monitor.await(ChargeCompletion.class, c -> true);
                assertThat(reported.sessionId()).isEqualTo("s-crash");
                assertThat(reported.endedBy()).isEqualTo("engine_fault");
                assertThat(reported.energyConsumedKwh()).isEqualTo(savedEnergy);
                assertThat(reported.totalCost()).isEqualTo(TestAgents.round(
                        saved.get("energy_kwh").asDouble() * TestAgents.PRICE, 2));
                assertThat(completionsOnKafka(complete, reported.messageId()))
                        .as("the same report on Kafka, with the same message_id, so Central counts it once")
                        .singleElement().isEqualTo(reported);
            }
            await().atMost(TIMEOUT).until(() -> pendingIn(crashed).isEmpty());
        }
    }

    @Test
    void aCleanStopEndsTheSupplyAndDeliversItsReport() throws IOException {
        Path data = dir.resolve("clean");
        try (TopicWatcher complete = new TopicWatcher(SharedKafka.bootstrapServers(), Topics.CHARGING_SESSION_COMPLETE)) {
            EngineAgent engine = EngineAgent.start(TestAgents.engine(data), output.eventLog(), null);
            try (FrameTestClient monitor = monitorOf(engine)) {
                startSession(monitor, cpId, "s-clean");
                monitor.await(ChargingData.class, d -> d.seq() >= 2);
                engine.close();

                ChargeCompletion toMonitor = monitor.await(ChargeCompletion.class, c -> true);
                assertThat(toMonitor.endedBy()).isEqualTo("engine_fault");
                assertThat(completionsOnKafka(complete, "s-clean")).extracting(ChargeCompletion::messageId)
                        .containsOnly(toMonitor.messageId());
            }
        }
        assertThat(Json.mapper().readTree(data.resolve(EngineStateStore.FILE_NAME).toFile()).get("supply").isNull())
                .isTrue();
    }

    @Test
    void aLostMonitorEndsTheSupplyAndTheNextMonitorOfTheCpGetsTheReport() throws IOException {
        try (TopicWatcher complete = new TopicWatcher(SharedKafka.bootstrapServers(), Topics.CHARGING_SESSION_COMPLETE);
             EngineAgent engine = EngineAgent.start(TestAgents.engine(dir.resolve("lost")), output.eventLog(), null)) {
            try (FrameTestClient monitor = monitorOf(engine)) {
                startSession(monitor, cpId, "s-lost");
                monitor.await(ChargingData.class, d -> d.seq() >= 2);
            }
            ChargeCompletion onKafka = completionsOnKafka(complete, "s-lost").get(0);
            assertThat(onKafka.endedBy()).isEqualTo("monitor_lost");

            try (FrameTestClient next = monitorOf(engine)) {
                assertThat(next.await(ChargeCompletion.class, c -> true).messageId()).isEqualTo(onKafka.messageId());
            }
            await().atMost(TIMEOUT).until(() -> pendingIn(dir.resolve("lost")).isEmpty());
        }
    }

    @Test
    void anUnreadableStateFileIsKeptAsideAndTheEngineStarts() throws IOException {
        Path data = dir.resolve("corrupt");
        Files.createDirectories(data);
        Files.writeString(data.resolve(EngineStateStore.FILE_NAME), "{ this is not json");

        try (EngineAgent engine = EngineAgent.start(TestAgents.engine(data), output.eventLog(), null)) {
            assertThat(engine.status()).contains("Status: ACTIVE");
            try (var files = Files.list(data)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .anyMatch(name -> name.startsWith(EngineStateStore.FILE_NAME + ".corrupt-"));
            }
        }
    }

    private static List<JsonNode> pendingIn(Path data) throws IOException {
        JsonNode pending = Json.mapper().readTree(data.resolve(EngineStateStore.FILE_NAME).toFile()).get("pending");
        List<JsonNode> entries = new java.util.ArrayList<>();
        pending.forEach(entries::add);
        return entries;
    }
}
