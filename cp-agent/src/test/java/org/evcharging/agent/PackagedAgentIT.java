package org.evcharging.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.evcharging.agent.support.AgentProcess;
import org.evcharging.agent.support.FakeCentral;
import org.evcharging.agent.support.SharedKafka;
import org.evcharging.agent.support.TestAgents;
import org.evcharging.api.message.monitor.FaultNotification;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The shaded {@code cp-agent.jar} run as real processes: its command line, a kill -9 mid-charge, SIGTERM. */
@ExtendWith(SharedKafka.class)
class PackagedAgentIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path BUILT_JAR = Path.of(System.getProperty("packagedJar", "target/cp-agent.jar"));

    @TempDir
    Path workDir;
    private Path jar;

    /** A private copy: a build running meanwhile may replace target/cp-agent.jar under a live process. */
    @BeforeEach
    void copyJar() throws IOException {
        jar = Files.copy(BUILT_JAR, workDir.resolve("cp-agent.jar"));
    }

    @Test
    void theJarExplainsItselfAndRefusesBadArgumentsInOneLine() {
        try (AgentProcess help = AgentProcess.start(jar, workDir, "help", "--help")) {
            assertThat(help.awaitExit(TIMEOUT)).isZero();
            help.awaitLine("monitor", TIMEOUT);
        }
        try (AgentProcess bad = AgentProcess.start(jar, workDir, "bad", "monitor", "localhost:5003")) {
            assertThat(bad.awaitExit(TIMEOUT)).isEqualTo(Main.USAGE_ERROR);
            assertThat(bad.errors()).startsWith("cp-agent monitor: error: missing argument <central_ip:port>");
        }
    }

    @Test
    void anEngineKilledMidChargeReportsTheSupplyWhenItIsBack() throws IOException {
        String cpId = TestAgents.uniqueCpId();
        int enginePort = freePort();
        String[] engineArgs = {"engine", SharedKafka.bootstrapServers(), "--debug_port", Integer.toString(enginePort),
                "--tick-ms", "100", "--power-kw", "360", "--data-dir", "engine-data"};
        try (FakeCentral central = new FakeCentral().knowingEveryCp();
             AgentProcess engine = AgentProcess.start(jar, workDir, "engine", engineArgs);
             AgentProcess monitor = AgentProcess.start(jar, workDir, "monitor", "monitor", "localhost:" + enginePort,
                     central.address().toString(), cpId, "--heartbeat-interval", "1", "--health-interval", "0.2",
                     "--reconnect-max", "0.5", "--price", "0.25")) {
            engine.awaitLine("ENGINE LISTENING ON: localhost:" + enginePort, TIMEOUT);
            monitor.awaitLine("Registered with CENTRAL as " + cpId, TIMEOUT);
            central.awaitMessage(StatusUpdate.class, s -> "ACTIVE".equals(s.status()), TIMEOUT);

            central.send(StartChargingCommand.of(cpId, "s-kill", "driver_k", 0.25));
            await().atMost(TIMEOUT).until(() -> central.received(ChargingData.class).size() >= 3);
            engine.killHard();

            FaultNotification fault = central.awaitMessage(FaultNotification.class,
                    f -> "EV_CP_E connection lost".equals(f.failureInfo()), TIMEOUT);
            monitor.awaitLine("Cannot connect to ENGINE", TIMEOUT);

            try (AgentProcess restarted = AgentProcess.start(jar, workDir, "engine-2", engineArgs)) {
                restarted.awaitLine("Interrupted session s-kill found on disk", TIMEOUT);
                ChargeCompletion completion = central.awaitMessage(ChargeCompletion.class,
                        c -> "s-kill".equals(c.sessionId()), TIMEOUT);
                long relayed = central.received(ChargingData.class).stream().mapToLong(ChargingData::seq).max()
                        .orElseThrow();
                // Each tick is saved before it is sent: the report holds the last tick sent, or the one after.
                assertThat(completion.energyConsumedKwh())
                        .isIn(TestAgents.round(relayed * 0.01, 3), TestAgents.round((relayed + 1) * 0.01, 3));
                assertThat(completion.endedBy()).isEqualTo("engine_fault");
                central.awaitMessage(StatusUpdate.class, s -> "ACTIVE".equals(s.status())
                        && central.received().indexOf(s) > central.received().indexOf(fault), TIMEOUT);

                assertThat(restarted.terminate(TIMEOUT)).as("exit status after SIGTERM").isEqualTo(143);
                restarted.awaitLine("Engine stopped", TIMEOUT);
            }
            monitor.terminate(TIMEOUT);
            monitor.awaitLine("Monitor of " + cpId + " stopped", TIMEOUT);
            assertThat(List.of(engine.errors(), monitor.errors())).noneMatch(e -> e.contains("Exception"));
        }
    }

    @Test
    void aMonitorGivenTwoCentralsPassesTheOneThatRefusesAndSaysWhichItIsOn() throws IOException {
        String cpId = TestAgents.uniqueCpId();
        int enginePort = freePort();
        int refusing = freePort(); // nothing listens there: connections are refused
        try (FakeCentral central = new FakeCentral().knowingEveryCp();
             AgentProcess engine = AgentProcess.start(jar, workDir, "engine", "engine", SharedKafka.bootstrapServers(),
                     "--debug_port", Integer.toString(enginePort), "--data-dir", "engine-data");
             AgentProcess monitor = AgentProcess.start(jar, workDir, "monitor", "monitor", "localhost:" + enginePort,
                     "localhost:" + refusing + "," + central.address(), cpId, "--heartbeat-interval", "1",
                     "--reconnect-max", "0.5")) {
            engine.awaitLine("ENGINE LISTENING ON: localhost:" + enginePort, TIMEOUT);
            assertThat(monitor.awaitLine("Cannot connect to CENTRAL at localhost:" + refusing + " ", TIMEOUT))
                    .contains("trying the next");
            monitor.awaitLine("Connected to CENTRAL at " + central.address() + " (2 of 2", TIMEOUT);
            monitor.awaitLine("Registered with CENTRAL as " + cpId, TIMEOUT);
            central.awaitMessage(StatusUpdate.class, s -> "ACTIVE".equals(s.status()), TIMEOUT);
            // The status line names the Central in use and its place in the list.
            monitor.awaitLine("CENTRAL registered (" + central.address() + " [2 of 2])", TIMEOUT);

            monitor.terminate(TIMEOUT);
            assertThat(monitor.errors()).doesNotContain("Exception");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
