package org.evcharging.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.engine.EngineAgent;
import org.evcharging.agent.monitor.MonitorAgent;
import org.evcharging.agent.support.CapturedOutput;
import org.evcharging.agent.support.FakeCentral;
import org.evcharging.agent.support.SharedKafka;
import org.evcharging.agent.support.TestAgents;
import org.evcharging.api.message.monitor.FaultNotification;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engine and Monitor started together, in either order, as {@code ./evcharging start} does: Central
 * hears of a fault only if the Engine is KO or silent past the configured misses.
 */
@ExtendWith(SharedKafka.class)
class ChargingPointStartUpTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration MISSES_WINDOW = TestAgents.HEALTH_INTERVAL.multipliedBy(TestAgents.HEALTH_MISSES);

    @TempDir
    Path dir;
    private final CapturedOutput engineOutput = new CapturedOutput("engine");
    private final CapturedOutput monitorOutput = new CapturedOutput("monitor");
    private final String cpId = TestAgents.uniqueCpId();
    private final FakeCentral central = new FakeCentral().knowingEveryCp();
    private EngineAgent engine;
    private MonitorAgent monitor;

    @AfterEach
    void stopAll() {
        if (monitor != null) {
            monitor.close();
        }
        if (engine != null) {
            engine.close();
        }
        central.close();
    }

    private MonitorAgent startMonitor(HostPort engineAddress) throws IOException {
        return MonitorAgent.start(TestAgents.monitor(engineAddress, central.address(), cpId, dir.resolve("monitor")),
                monitorOutput.eventLog(), false);
    }

    private EngineAgent startEngine(HostPort listen) throws IOException {
        return EngineAgent.start(TestAgents.engine(dir.resolve("engine")).withListen(listen), engineOutput.eventLog(), null);
    }

    private static HostPort freeEngineAddress() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return new HostPort("localhost", probe.getLocalPort());
        }
    }

    private boolean faultReported() {
        return !central.received(FaultNotification.class).isEmpty()
                || !central.received(StatusUpdate.class, s -> "FAULTY".equals(s.status())).isEmpty();
    }

    /** ACTIVE reported, and no fault before it nor for a few health windows after it. */
    private void assertActiveWithoutAnyFault() {
        central.awaitMessage(StatusUpdate.class, s -> "ACTIVE".equals(s.status()), TIMEOUT);
        assertThat(central.received(StatusUpdate.class)).extracting(StatusUpdate::status).containsOnly("ACTIVE");
        assertThat(central.received(FaultNotification.class)).isEmpty();
        Duration watch = MISSES_WINDOW.multipliedBy(2);
        await("no fault reported while the Engine is healthy").during(watch).atMost(watch.plusSeconds(2))
                .until(() -> !faultReported());
    }

    @Test
    void aMonitorStartedBeforeItsEngineReportsNoFault() throws IOException {
        HostPort engineAddress = freeEngineAddress();
        monitor = startMonitor(engineAddress);
        monitorOutput.awaitLine("Cannot connect to ENGINE", TIMEOUT);

        engine = startEngine(engineAddress);

        assertActiveWithoutAnyFault();
    }

    @Test
    void aMonitorStartedJustAfterItsEngineReportsNoFault() throws IOException {
        engine = startEngine(new HostPort("localhost", 0));
        monitor = startMonitor(engine.address());

        assertActiveWithoutAnyFault();
    }

    @Test
    void anEngineThatNeverComesUpIsFaultyOnceSilentPastTheMisses() throws IOException {
        Instant started = Instant.now();
        monitor = startMonitor(freeEngineAddress());

        central.awaitMessage(StatusUpdate.class, s -> "FAULTY".equals(s.status()), TIMEOUT);

        assertThat(Duration.between(started, Instant.now())).isGreaterThanOrEqualTo(MISSES_WINDOW);
        assertThat(monitor.summary()).contains("FAULT (EV_CP_E connection lost)");
        assertThat(central.received(StatusUpdate.class)).extracting(StatusUpdate::status).containsOnly("FAULTY");
    }
}
