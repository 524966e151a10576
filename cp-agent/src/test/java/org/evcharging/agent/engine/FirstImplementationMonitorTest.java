package org.evcharging.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.evcharging.agent.support.CapturedOutput;
import org.evcharging.agent.support.FirstImplementationMonitor;
import org.evcharging.agent.support.SharedKafka;
import org.evcharging.agent.support.TestAgents;
import org.evcharging.api.message.engine.CommandResponse;
import org.evcharging.api.message.engine.HealthCheckResponse;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Our Engine behind the first implementation's Monitor, which emergency-stops it on every start-up (10.19). */
@ExtendWith(SharedKafka.class)
class FirstImplementationMonitorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;
    private final CapturedOutput output = new CapturedOutput("engine");
    private final String cpId = TestAgents.uniqueCpId();
    private final PipedOutputStream keyboard = new PipedOutputStream();
    private EngineAgent engine;
    private FirstImplementationMonitor monitor;

    @BeforeEach
    void start() throws IOException {
        engine = EngineAgent.start(TestAgents.engine(dataDir), output.eventLog(), new PipedInputStream(keyboard));
        output.awaitLine("EV_CP_E - ENGINE CONTROL MENU", TIMEOUT);
        monitor = new FirstImplementationMonitor(engine.address(), cpId);
    }

    @AfterEach
    void stop() {
        monitor.close();
        engine.close();
    }

    private void menuRequest() throws IOException {
        keyboard.write("1\n\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    @Test
    void centralsStartIsObeyedAfterTheStartUpEmergencyStopWhichBlocksOnlyTheMenusRequest() throws IOException {
        // Its start-up: Engine link first, first health answer while Central is not connected yet -> FAULTY -> stop.
        assertThat(monitor.initCpId().message()).isEqualTo("CP_ID set to " + cpId);
        assertThat(monitor.healthCheck().engineStatus()).isEqualTo("ACTIVE");
        CommandResponse stopped = monitor.emergencyStopOnFaulty();
        assertThat(stopped.message()).isEqualTo("No active session to stop, CP service suspended");
        menuRequest();
        output.awaitLine("Charge request refused: the CP service is stopped by the operator", TIMEOUT);

        // Central connected, the CP registered ACTIVE, a driver asked for a charge.
        CommandResponse started = monitor.startCharging("s-after-start-up", "driver_py", TestAgents.PRICE);

        assertThat(started.succeeded()).as(started.message()).isTrue();
        assertThat(started.message()).isEqualTo("Charging started");
        assertThat(started.sessionId()).isEqualTo("s-after-start-up");
        HealthCheckResponse health = monitor.healthCheck();
        assertThat(health.engineStatus()).isEqualTo("CHARGING");
        assertThat(health.isCharging()).isTrue();
        ChargingData tick = monitor.socket().await(ChargingData.class, d -> d.seq() >= 2);
        assertThat(tick.sessionId()).isEqualTo("s-after-start-up");
        assertThat(tick.cpId()).isEqualTo(cpId);
        assertThat(tick.driverId()).isEqualTo("driver_py");

        assertThat(monitor.stopSession("central-stop-1", "s-after-start-up").message()).isEqualTo("Charging stopped");
        assertThat(monitor.socket().await(ChargeCompletion.class, c -> true).endedBy()).isEqualTo("driver_stop");
        // Only the operator's resume lifts the flag for the menu, as in the first implementation.
        menuRequest();
        await("the menu's request refused again").atMost(TIMEOUT)
                .until(() -> output.count("Charge request refused: the CP service is stopped by the operator") == 2);
        assertThat(monitor.resume("central-resume-1").message()).isEqualTo("CP " + cpId + " resumed");
        menuRequest();
        output.awaitLine("Charge request sent to CENTRAL for driver " + EngineAgent.DEFAULT_MANUAL_DRIVER, TIMEOUT);
    }
}
