package org.evcharging.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.evcharging.agent.support.CapturedOutput;
import org.evcharging.agent.support.FrameTestClient;
import org.evcharging.agent.support.SharedKafka;
import org.evcharging.agent.support.TestAgents;
import org.evcharging.api.message.engine.CommandResponse;
import org.evcharging.api.message.engine.ErrorResponse;
import org.evcharging.api.message.engine.HealthCheckRequest;
import org.evcharging.api.message.engine.HealthCheckResponse;
import org.evcharging.api.message.engine.InitCpId;
import org.evcharging.api.message.engine.StopChargingCommand;
import org.evcharging.api.message.monitor.ResumeCpCommand;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.api.protocol.FrameEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Engine as its Monitor sees it (§3.3, §3.4), through a bare socket. */
@ExtendWith(SharedKafka.class)
class EngineProtocolTest {

    @TempDir
    Path dataDir;
    private final CapturedOutput output = new CapturedOutput("engine");
    private final String cpId = TestAgents.uniqueCpId();
    private EngineAgent engine;
    private FrameTestClient monitor;

    @BeforeEach
    void startEngine() throws IOException {
        engine = EngineAgent.start(TestAgents.engine(dataDir), output.eventLog(), null);
        monitor = new FrameTestClient(engine.address());
    }

    @AfterEach
    void stop() {
        monitor.close();
        engine.close();
    }

    private CommandResponse command(FrameTestClient client, org.evcharging.api.message.WireMessage command) {
        client.send(command);
        return client.reply(CommandResponse.class, command.messageId());
    }

    private HealthCheckResponse health(FrameTestClient client) {
        HealthCheckRequest request = HealthCheckRequest.of(cpId);
        client.send(request);
        return client.reply(HealthCheckResponse.class, request.messageId());
    }

    private StartChargingCommand start(String sessionId) {
        return StartChargingCommand.of(cpId, sessionId, "driver_1", TestAgents.PRICE);
    }

    @Test
    void answersHealthChecksWithItsTrueState() {
        assertThat(health(monitor).engineStatus()).isEqualTo("ACTIVE");
        assertThat(command(monitor, InitCpId.of(cpId)).message()).isEqualTo("CP_ID set to " + cpId);

        assertThat(command(monitor, start("s1")).message()).isEqualTo("Charging started");
        HealthCheckResponse charging = health(monitor);
        assertThat(charging.engineStatus()).isEqualTo("CHARGING");
        assertThat(charging.isCharging()).isTrue();

        engine.simulateFault();
        assertThat(health(monitor).engineStatus()).isEqualTo("FAULTY");
        engine.simulateRecovery();
        assertThat(health(monitor).engineStatus()).isEqualTo("ACTIVE");
    }

    @Test
    void metersEveryTickAndReportsOneCompletion() {
        command(monitor, InitCpId.of(cpId));
        command(monitor, start("s1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> monitor.received(ChargingData.class).size() >= 3);

        CommandResponse stopped = command(monitor, StopChargingCommand.forSession("stop-1", cpId, "s1"));

        assertThat(stopped.message()).isEqualTo("Charging stopped");
        List<ChargingData> ticks = monitor.received(ChargingData.class);
        for (int i = 0; i < ticks.size(); i++) {
            ChargingData tick = ticks.get(i);
            assertThat(tick.seq()).isEqualTo(i + 1L);
            assertThat(tick.energyConsumedKwh()).isEqualTo(TestAgents.round((i + 1) * TestAgents.KWH_PER_TICK, 3));
            assertThat(tick.cpId()).isEqualTo(cpId);
            assertThat(tick.driverId()).isEqualTo("driver_1");
        }
        ChargeCompletion completion = monitor.await(ChargeCompletion.class, c -> true);
        long metered = ticks.get(ticks.size() - 1).seq();
        assertThat(completion.energyConsumedKwh()).isEqualTo(TestAgents.round(metered * TestAgents.KWH_PER_TICK, 3));
        assertThat(completion.totalCost())
                .isEqualTo(TestAgents.round(metered * TestAgents.KWH_PER_TICK * TestAgents.PRICE, 2));
        assertThat(completion.endedBy()).isEqualTo("driver_stop");
        assertThat(monitor.received(ChargeCompletion.class)).hasSize(1);
        assertThat(output.text()).contains("Supply started session=s1", "EV CHARGING SERVICE",
                "Supply stopped session=s1 ended_by=driver_stop");
    }

    @Test
    void refusesToStartWhenItCannotSupply() {
        assertThat(command(monitor, start("early")).message()).contains("send init_cp_id first");
        command(monitor, InitCpId.of(cpId));

        assertThat(command(monitor, StartChargingCommand.of("cp_other", "x", "d", 0.2)).message())
                .isEqualTo("CP_ID mismatch: expected " + cpId + ", got cp_other");
        command(monitor, start("s1"));
        CommandResponse twice = command(monitor, start("s2"));
        assertThat(twice.succeeded()).isFalse();
        assertThat(twice.message()).isEqualTo("Already charging");
        assertThat(twice.sessionId()).isEqualTo("s1");

        CommandResponse emergency = command(monitor, StopChargingCommand.emergency("e-1", cpId));
        assertThat(emergency.message()).isEqualTo("Emergency stop: charging session s1 stopped, CP service suspended");
        assertThat(monitor.await(ChargeCompletion.class, c -> c.sessionId().equals("s1")).endedBy())
                .isEqualTo("operator_stop");

        assertThat(command(monitor, ResumeCpCommand.of("cp_other")).message()).startsWith("CP_ID mismatch");
        assertThat(command(monitor, ResumeCpCommand.of(cpId)).message()).isEqualTo("CP " + cpId + " resumed");
        engine.simulateFault();
        assertThat(command(monitor, start("s4")).message()).isEqualTo("Engine is in FAULT");
        assertThat(command(monitor, ResumeCpCommand.of(cpId)).message())
                .isEqualTo("CP " + cpId + " resumed, manual FAULTY mode cleared");
        assertThat(command(monitor, start("s5")).succeeded()).isTrue();
    }

    @Test
    void aSecondMonitorForAnotherCpIsRefused() {
        command(monitor, InitCpId.of(cpId));
        try (FrameTestClient other = new FrameTestClient(engine.address())) {
            CommandResponse refused = command(other, InitCpId.of("cp_intruder"));

            assertThat(refused.succeeded()).isFalse();
            assertThat(refused.message()).isEqualTo("CP_ID already initialized");
            assertThat(refused.cpId()).isEqualTo(cpId);
        }
    }

    @Test
    void badInputIsAnsweredOrSkippedAndTheConnectionStays() {
        monitor.sendRaw("garbage before any frame".getBytes(StandardCharsets.UTF_8));
        byte[] badLrc = FrameEncoder.encode("{\"type\":\"health_check_request\",\"message_id\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        badLrc[badLrc.length - 1] ^= 0x55;
        monitor.sendRaw(badLrc);
        monitor.sendRaw(FrameEncoder.encode("not json".getBytes(StandardCharsets.UTF_8)));
        monitor.sendRaw(FrameEncoder.encode("[1,2]".getBytes(StandardCharsets.UTF_8)));
        monitor.sendRaw(FrameEncoder.encode("{\"type\":\"fly\",\"message_id\":\"u1\"}".getBytes(StandardCharsets.UTF_8)));
        monitor.sendRaw(FrameEncoder.encode("{\"type\":\"start_charging_command\",\"message_id\":\"m1\",\"cp_id\":\"c\"}"
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(monitor.reply(ErrorResponse.class, "u1").error()).isEqualTo("Unknown message type: fly");
        assertThat(monitor.reply(CommandResponse.class, "m1").message())
                .isEqualTo("Missing required fields in message: session_id");
        assertThat(monitor.received(ErrorResponse.class)).extracting(ErrorResponse::error)
                .anyMatch(e -> e.contains("not JSON")).anyMatch(e -> e.contains("not an object"));
        assertThat(health(monitor).engineStatus()).isEqualTo("ACTIVE");
        assertThat(monitor.isOpen()).isTrue();
    }

    @Test
    void aSupplyEndsAtTheMaximumDuration() throws IOException {
        monitor.close();
        engine.close();
        engine = EngineAgent.start(TestAgents.engine(dataDir).withMaxChargingDuration(Duration.ofMillis(500)),
                output.eventLog(), null);
        monitor = new FrameTestClient(engine.address());
        command(monitor, InitCpId.of(cpId));
        command(monitor, start("short"));

        ChargeCompletion completion = monitor.await(ChargeCompletion.class, c -> true);

        assertThat(completion.endedBy()).isEqualTo("max_duration");
        assertThat(completion.energyConsumedKwh()).isEqualTo(0.05);
        assertThat(monitor.received(ChargingData.class)).hasSize(5);
    }
}
