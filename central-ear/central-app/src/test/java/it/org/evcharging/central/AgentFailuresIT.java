package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.AgentProcess;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.SharedCentral;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real Engine and Monitor processes against a real Central: registration and authorization, and
 * what Central sees when each part is killed, frozen or restarted. Detection times are printed.
 */
@ExtendWith(SharedCentral.class)
@Order(Order.DEFAULT + 2) // restarts the shared Central: after the classes that only use it
class AgentFailuresIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static CentralFixture system;
    private static AdminApi admin;

    @BeforeAll
    static void startSystem() throws Exception {
        system = SharedCentral.system();
        admin = new AdminApi(system.central().baseUri(), null);
    }

    /** One charging point: its Engine and Monitor processes. */
    private record Cp(String id, int enginePort, AgentProcess engine, AgentProcess monitor, Path dir) {
    }

    private static Cp startCp(AgentProcess.Group group, int heartbeatSeconds) throws Exception {
        String id = "cp_real_" + NEXT.incrementAndGet();
        Path dir = system.workDir().resolve(id);
        int port = AgentProcess.freePort();
        AgentProcess engine = group.add(AgentProcess.engine(system.kafka().bootstrapServers(), port,
                dir.resolve("engine"), 200, 60));
        engine.awaitLine("ENGINE LISTENING ON", WAIT);
        AgentProcess monitor = group.add(AgentProcess.monitor(port, system.acceptorPort(), id, heartbeatSeconds,
                dir.resolve("monitor")));
        return new Cp(id, port, engine, monitor, dir);
    }

    /** The operator lets the waiting CP in; returns the credential its Monitor presents from now on. */
    private static String authorizeAndAwaitActive(Cp cp) throws Exception {
        await().atMost(WAIT).until(() -> admin.get("charging-points/" + cp.id()).statusCode() == 200);
        assertThat(AdminApi.json(admin.get("charging-points/" + cp.id())).path("registration").asText()).isEqualTo("PENDING");
        HttpResponse<String> authorized = admin.post("charging-points/" + cp.id() + "/authorize");
        assertThat(authorized.statusCode()).isEqualTo(200);
        awaitState(cp, "ACTIVE", WAIT);
        return AdminApi.json(authorized).path("credential").asText();
    }

    /** A CP the operator registered in the registry first: its Monitor presents its credential on every connection. */
    private static Cp startRegisteredCp(AgentProcess.Group group, int heartbeatSeconds) throws Exception {
        String id = "cp_real_" + NEXT.incrementAndGet();
        Path dir = system.workDir().resolve(id);
        int port = AgentProcess.freePort();
        AgentProcess engine = group.add(AgentProcess.engine(system.kafka().bootstrapServers(), port,
                dir.resolve("engine"), 200, 60));
        engine.awaitLine("ENGINE LISTENING ON", WAIT);
        String credential = admin.register(id, AgentProcess.TEST_LOCATION, AgentProcess.TEST_PRICE);
        AgentProcess monitor = group.add(AgentProcess.monitor(port, system.acceptorPort(), id, heartbeatSeconds,
                dir.resolve("monitor"), credential));
        Cp cp = new Cp(id, port, engine, monitor, dir);
        awaitState(cp, "ACTIVE", WAIT);
        return cp;
    }

    private static long awaitState(Cp cp, String state, Duration timeout) {
        long begin = System.nanoTime();
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> admin.stateOf(cp.id()).equals(state));
        return (System.nanoTime() - begin) / 1_000_000;
    }

    @Test
    void aNewCpIsPendingThenAuthorizedThenActiveAndComesBackAfterAMonitorRestart() throws Exception {
        try (AgentProcess.Group group = new AgentProcess.Group()) {
            Cp cp = startCp(group, 1);
            String credential = authorizeAndAwaitActive(cp);

            cp.monitor().stop();
            awaitState(cp, "DISCONNECTED", WAIT);
            // The operator installed the credential shown once at authorization: the CP returns by itself.
            group.add(AgentProcess.monitor(cp.enginePort(), system.acceptorPort(), cp.id(), 1, cp.dir().resolve("monitor"),
                    credential));
            long back = awaitState(cp, "ACTIVE", WAIT);
            System.out.printf("[timing] restarted Monitor -> ACTIVE again, no operator, in %d ms%n", back);
        }
    }

    @Test
    void aKilledEngineMakesTheCpFaultyAndItsRestartMakesItActive() throws Exception {
        try (AgentProcess.Group group = new AgentProcess.Group()) {
            Cp cp = startRegisteredCp(group, 1);

            cp.engine().kill();
            long faulty = awaitState(cp, "FAULTY", Duration.ofSeconds(3));
            System.out.printf("[timing] Engine kill -9 -> FAULTY in %d ms%n", faulty);

            group.add(AgentProcess.engine(system.kafka().bootstrapServers(), cp.enginePort(),
                    cp.dir().resolve("engine"), 200, 60));
            long active = awaitState(cp, "ACTIVE", WAIT);
            System.out.printf("[timing] Engine restarted -> ACTIVE in %d ms%n", active);
        }
    }

    @Test
    void aKilledMonitorMakesTheCpDisconnectedWithinASecond() throws Exception {
        try (AgentProcess.Group group = new AgentProcess.Group()) {
            Cp cp = startRegisteredCp(group, 5);

            cp.monitor().kill();
            long disconnected = awaitState(cp, "DISCONNECTED", Duration.ofSeconds(1));
            System.out.printf("[timing] Monitor kill -9 -> DISCONNECTED in %d ms%n", disconnected);
        }
    }

    @Test
    void aFrozenMonitorIsDisconnectedAfterThreeHeartbeatIntervalsAndReturnsWhenThawed() throws Exception {
        try (AgentProcess.Group group = new AgentProcess.Group()) {
            Cp cp = startRegisteredCp(group, 1);

            cp.monitor().freeze();
            long disconnected = awaitState(cp, "DISCONNECTED", Duration.ofSeconds(8));
            System.out.printf("[timing] SIGSTOP Monitor (1 s heartbeat) -> DISCONNECTED in %d ms%n", disconnected);
            assertThat(disconnected).as("not before about 3 intervals").isGreaterThanOrEqualTo(2_000);

            cp.monitor().thaw();
            awaitState(cp, "ACTIVE", WAIT);
        }
    }

    @Test
    void afterACentralRestartEveryCpIsDisconnectedThenBackByItself() throws Exception {
        try (AgentProcess.Group group = new AgentProcess.Group()) {
            Cp first = startRegisteredCp(group, 1);
            Cp second = startRegisteredCp(group, 1);
            assertThat(admin.post("charging-points/" + second.id() + "/stop").statusCode()).isEqualTo(200);
            awaitState(second, "STOPPED", WAIT);

            system.central().stop(Duration.ofSeconds(30));
            system.central().start();
            system.central().awaitStatus("/health/started", 200, CentralFixture.START_TIMEOUT);
            long back = awaitState(first, "ACTIVE", WAIT);
            awaitState(second, "STOPPED", WAIT);
            System.out.printf("[timing] Central restarted -> CP ACTIVE again by itself %d ms after start-up%n", back);
        }
    }
}
