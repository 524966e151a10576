package org.evcharging.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.evcharging.agent.engine.EngineAgent;
import org.evcharging.agent.monitor.MonitorAgent;
import org.evcharging.agent.support.CapturedOutput;
import org.evcharging.agent.support.FakeCentral;
import org.evcharging.agent.support.SharedKafka;
import org.evcharging.agent.support.TestAgents;
import org.evcharging.agent.support.TopicWatcher;
import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.FaultNotification;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.message.monitor.RecoveryNotification;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.ResumeCpCommand;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.message.monitor.StopChargingSessionCommand;
import org.evcharging.api.message.monitor.StopCpCommand;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One charging point end to end: a real Engine and a real Monitor, in this JVM, against a scripted
 * Central over real sockets and a real Kafka broker.
 */
@ExtendWith(SharedKafka.class)
class ChargingPointScenarioTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private final CapturedOutput engineOutput = new CapturedOutput("engine");
    private final CapturedOutput monitorOutput = new CapturedOutput("monitor");
    private final String cpId = TestAgents.uniqueCpId();
    private final String driver = TestAgents.uniqueId("driver");
    private final FakeCentral central = new FakeCentral();
    private EngineAgent engine;
    private MonitorAgent monitor;

    @BeforeEach
    void startEngine() throws IOException {
        engine = EngineAgent.start(TestAgents.engine(dir.resolve("engine")), engineOutput.eventLog(), null);
    }

    @AfterEach
    void stopAll() {
        if (monitor != null) {
            monitor.close();
        }
        engine.close();
        central.close();
    }

    private MonitorAgent startMonitor() throws IOException {
        return MonitorAgent.start(TestAgents.monitor(engine.address(), central.address(), cpId, dir.resolve("monitor")),
                monitorOutput.eventLog(), false);
    }

    private void registeredMonitor() throws IOException {
        central.knowingEveryCp();
        monitor = startMonitor();
        central.awaitMessage(StatusUpdate.class, s -> "ACTIVE".equals(s.status()), TIMEOUT);
    }

    private void startSession(String sessionId) {
        central.send(StartChargingCommand.of(cpId, sessionId, driver, TestAgents.PRICE));
    }

    private List<ChargingData> ticksAtCentral(String sessionId) {
        return central.received(ChargingData.class, d -> sessionId.equals(d.sessionId()));
    }

    private void awaitTicks(String sessionId, int count) {
        await().atMost(TIMEOUT).until(() -> ticksAtCentral(sessionId).size() >= count);
    }

    private ChargeCompletion completionAtCentral(String sessionId) {
        return central.awaitMessage(ChargeCompletion.class, c -> sessionId.equals(c.sessionId()), TIMEOUT);
    }

    /** A status_update with {@code status} that Central received after {@code earlier}. */
    private StatusUpdate statusAfter(String status, WireMessage earlier) {
        return central.awaitMessage(StatusUpdate.class, s -> status.equals(s.status())
                && central.received().indexOf(s) > central.received().indexOf(earlier), TIMEOUT);
    }

    private static double kwh(long ticks) {
        return TestAgents.round(ticks * TestAgents.KWH_PER_TICK, 3);
    }

    private static double euros(long ticks) {
        return TestAgents.round(ticks * TestAgents.KWH_PER_TICK * TestAgents.PRICE, 2);
    }

    @Test
    void registersOnceTheOperatorApprovesAndReportsItselfActive() throws IOException {
        monitor = startMonitor();

        monitorOutput.awaitLine("Waiting for authorization", TIMEOUT);
        await().atMost(TIMEOUT).until(() -> central.received(HeartbeatRequest.class).size() >= 2);
        assertThat(central.received(HeartbeatRequest.class)).allMatch(h -> h.heartbeatInterval() == 1);
        assertThat(central.received(RegisterRequest.class)).as("no registration before approval").isEmpty();

        central.approve();

        RegisterRequest register = central.awaitMessage(RegisterRequest.class, r -> true, TIMEOUT);
        assertThat(register.id()).isEqualTo(cpId);
        assertThat(register.location()).isEqualTo("Test Street 1");
        assertThat(register.pricePerKwh()).isEqualTo(TestAgents.PRICE);
        assertThat(register.heartbeatInterval()).isEqualTo(1);
        statusAfter("ACTIVE", register);
        AuthRequest auth = central.received(AuthRequest.class).get(0);
        assertThat(auth.credential()).isEqualTo(TestAgents.CREDENTIAL);
        assertThat(central.received().indexOf(auth)).isLessThan(central.received().indexOf(register));
        assertThat(central.received(AuthRequest.class)).hasSize(1);
        monitorOutput.awaitLine("Registered with CENTRAL as " + cpId, TIMEOUT);
    }

    @Test
    void thePayloadKeyCentralIssuesReachesTheEngineWhichSignsItsKafkaRecordsWithIt() throws IOException {
        registeredMonitor();
        org.evcharging.api.security.PayloadSignature.Key key = org.evcharging.api.security.PayloadSignature.newKey();
        try (TopicWatcher data = new TopicWatcher(SharedKafka.bootstrapServers(), Topics.CHARGING_SESSION_DATA);
             TopicWatcher complete = new TopicWatcher(SharedKafka.bootstrapServers(), Topics.CHARGING_SESSION_COMPLETE)) {
            central.send(org.evcharging.api.message.monitor.AuthResponse.rekeyed(cpId).withPayloadKey(key));
            startSession("s-signed");
            awaitTicks("s-signed", 3);

            assertThat(data.await(r -> cpId.equals(r.key()) && org.evcharging.api.security.PayloadSignature.verify(r.value(), key)
                    .isValid(), 2, TIMEOUT)).isNotEmpty();
            engine.unplug();
            completionAtCentral("s-signed");
            assertThat(complete.await(r -> cpId.equals(r.key()) && r.value().contains("s-signed"), 1, TIMEOUT))
                    .isNotEmpty().allSatisfy(r -> assertThat(
                            org.evcharging.api.security.PayloadSignature.verify(r.value(), key).isValid()).isTrue());
            assertThat(central.received(ChargingData.class, d -> "s-signed".equals(d.sessionId())))
                    .as("the socket path is not signed").isNotEmpty();
        }
    }

    @Test
    void aSupplyIsMeteredToCentralAndKafkaAndEndsWithOneCompletion() throws IOException {
        registeredMonitor();
        try (TopicWatcher data = new TopicWatcher(SharedKafka.bootstrapServers(), Topics.CHARGING_SESSION_DATA);
             TopicWatcher complete = new TopicWatcher(SharedKafka.bootstrapServers(), Topics.CHARGING_SESSION_COMPLETE)) {
            startSession("s-meter");
            central.awaitMessage(StatusUpdate.class, s -> "CHARGING".equals(s.status()), TIMEOUT);
            awaitTicks("s-meter", 3);

            engine.unplug();

            ChargeCompletion completion = completionAtCentral("s-meter");
            statusAfter("ACTIVE", completion);
            assertThat(central.received(ChargeCompletion.class)).hasSize(1);
            List<ChargingData> ticks = ticksAtCentral("s-meter");
            long metered = ticks.size();
            assertThat(ticks).extracting(ChargingData::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, metered).boxed().toList());
            assertThat(ticks).allMatch(t -> t.energyConsumedKwh() == kwh(t.seq()) && t.totalCost() == euros(t.seq()));
            assertThat(completion.energyConsumedKwh()).isEqualTo(kwh(metered));
            assertThat(completion.totalCost()).isEqualTo(euros(metered));
            assertThat(completion.endedBy()).isEqualTo("unplugged");

            Set<String> onKafka = data.await(r -> cpId.equals(r.key()), (int) metered, TIMEOUT).stream()
                    .map(r -> MessageCodec.parse(r.value()).messageAs(ChargingData.class).orElseThrow().messageId())
                    .collect(Collectors.toSet());
            assertThat(onKafka).as("the same ticks, same ids, keyed by the CP")
                    .containsExactlyInAnyOrderElementsOf(ticks.stream().map(ChargingData::messageId).toList());
            assertThat(complete.await(r -> cpId.equals(r.key()), 1, TIMEOUT).get(0).value())
                    .contains(completion.messageId());
            await().atMost(TIMEOUT).until(() -> monitor.summary().contains("outbox 0"));
        }
    }

    @Test
    void theDriversStopAndTheOperatorsStopEndTheSupply() throws IOException {
        registeredMonitor();
        startSession("s-driver");
        awaitTicks("s-driver", 2);
        central.send(StopChargingSessionCommand.of(cpId, "s-driver", driver));
        assertThat(completionAtCentral("s-driver").endedBy()).isEqualTo("driver_stop");

        startSession("s-operator");
        awaitTicks("s-operator", 2);
        central.send(StopCpCommand.of(cpId));
        ChargeCompletion stopped = completionAtCentral("s-operator");
        assertThat(stopped.endedBy()).isEqualTo("operator_stop");
        StatusUpdate out = central.awaitMessage(StatusUpdate.class, s -> "STOPPED".equals(s.status()), TIMEOUT);

        startSession("s-refused");
        monitorOutput.awaitLine("Start of session s-refused not passed on: the operator stopped this CP", TIMEOUT);
        assertThat(ticksAtCentral("s-refused")).isEmpty();

        central.send(ResumeCpCommand.of(cpId));
        statusAfter("ACTIVE", out);
        startSession("s-again");
        awaitTicks("s-again", 1);
    }

    @Test
    void anEngineKoIsReportedAtOnceAndItsCompletionFollowsTheRecovery() throws IOException {
        registeredMonitor();
        startSession("s-ko");
        awaitTicks("s-ko", 3);

        Instant ko = Instant.now();
        engine.simulateFault();

        FaultNotification fault = central.awaitMessage(FaultNotification.class, f -> true, TIMEOUT);
        assertThat(Duration.between(ko, Instant.now())).isLessThan(TestAgents.HEALTH_INTERVAL.multipliedBy(2));
        assertThat(fault.failureInfo()).isEqualTo("EV_CP_E reported KO");
        statusAfter("FAULTY", fault);
        assertThat(central.received(ChargeCompletion.class)).as("reported when the Engine recovers").isEmpty();

        engine.simulateRecovery();

        ChargeCompletion completion = completionAtCentral("s-ko");
        long metered = ticksAtCentral("s-ko").size();
        assertThat(completion.endedBy()).isEqualTo("engine_fault");
        assertThat(completion.energyConsumedKwh()).isEqualTo(kwh(metered));
        central.awaitMessage(RecoveryNotification.class, r -> true, TIMEOUT);
        statusAfter("ACTIVE", fault);
    }

    @Test
    void aStoppedEngineIsReportedWithinTheHealthWindow() throws IOException {
        registeredMonitor();

        engine.close();
        Instant closed = Instant.now();

        FaultNotification fault = central.awaitMessage(FaultNotification.class, f -> true, TIMEOUT);
        assertThat(Duration.between(closed, Instant.now()))
                .isLessThan(TestAgents.HEALTH_INTERVAL.multipliedBy(TestAgents.HEALTH_MISSES));
        assertThat(fault.failureInfo()).isEqualTo("EV_CP_E connection lost");
        statusAfter("FAULTY", fault);
        monitorOutput.awaitLine("Cannot connect to ENGINE", TIMEOUT);
    }

    @Test
    void aSupplyOutlivesCentralAndItsCompletionWaitsOnDiskUntilCentralAnswers() throws IOException {
        registeredMonitor();
        Path outboxFile = dir.resolve("monitor").resolve("monitor-outbox.jsonl");
        try (TopicWatcher data = new TopicWatcher(SharedKafka.bootstrapServers(), Topics.CHARGING_SESSION_DATA)) {
            startSession("s-outage");
            awaitTicks("s-outage", 2);

            central.stop();
            monitorOutput.awaitLine("Cannot connect to CENTRAL", TIMEOUT);
            long seenByCentral = ticksAtCentral("s-outage").size();
            data.await(r -> cpId.equals(r.key()) && seqOf(r.value()) > seenByCentral + 3, 1, TIMEOUT);

            engine.unplug();
            monitorOutput.awaitLine("Completion of session s-outage kept in the outbox", TIMEOUT);
            assertThat(Files.readString(outboxFile)).contains("s-outage");
        }

        central.answerCompletions(false);
        int before = central.received().size();
        central.restart();
        ChargeCompletion relayed = completionAtCentral("s-outage");
        List<WireMessage> reconnection = central.received().subList(before, central.received().size());
        assertThat(reconnection).as("every connection starts by authenticating with the CP's credential")
                .first().isInstanceOfSatisfying(AuthRequest.class,
                        auth -> assertThat(auth.credential()).isEqualTo(TestAgents.CREDENTIAL));
        RegisterRequest reRegistered = reconnection.stream().filter(RegisterRequest.class::isInstance)
                .map(RegisterRequest.class::cast).findFirst().orElseThrow();
        assertThat(reconnection.indexOf(relayed)).isGreaterThan(reconnection.indexOf(reRegistered));
        statusAfter("ACTIVE", reRegistered);
        assertThat(Files.readString(outboxFile)).as("kept until Central answers").contains(relayed.messageId());

        monitor.close();
        central.answerCompletions(true);
        monitor = startMonitor();

        await().atMost(TIMEOUT).until(() -> central.received(ChargeCompletion.class).size() == 2);
        assertThat(central.received(ChargeCompletion.class)).extracting(ChargeCompletion::messageId)
                .containsOnly(relayed.messageId());
        monitorOutput.awaitLine("removed from the outbox", TIMEOUT);
        assertThat(Files.readString(outboxFile)).isEmpty();
    }

    private static long seqOf(String json) {
        return MessageCodec.parse(json).messageAs(ChargingData.class).map(ChargingData::seq).orElse(0L);
    }
}
