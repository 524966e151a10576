package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.AgentProcess;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.KafkaDriver;
import it.org.evcharging.central.support.SharedCentral;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.evcharging.api.Topics;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.ChargingHistoryRequest;
import org.evcharging.api.message.driver.ChargingHistoryResponse;
import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.message.session.ChargeCompletion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Charges on real CP agent processes (Engine + Monitor), a real Central and a real broker: the full
 * flow, a service file run unattended, and every kind of crash in the middle of a supply. The
 * ticket's kWh must always be what the Engine metered, delivered once.
 */
@ExtendWith(SharedCentral.class)
@Order(Order.DEFAULT + 4) // kills the shared Central and restarts the shared broker: after the classes that only use it
class ChargingWithAgentsIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final long TICK_MS = 200;
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static CentralFixture system;
    private static AdminApi admin;

    @BeforeAll
    static void startSystem() throws Exception {
        system = SharedCentral.system();
        admin = new AdminApi(system.central().baseUri(), null);
    }

    private record Cp(String id, int port, Path dir) {
    }

    private static Cp startCp(AgentProcess.Group group, int maxDurationSeconds) throws Exception {
        String id = "cp_agent_" + NEXT.incrementAndGet();
        Cp cp = new Cp(id, AgentProcess.freePort(), system.workDir().resolve(id));
        startEngine(group, cp, maxDurationSeconds);
        startMonitor(group, cp);
        awaitActive(id);
        return cp;
    }

    /** The operator registered the CP in the registry; its Monitor presents the credential on every connection. */
    private static AgentProcess startMonitor(AgentProcess.Group group, Cp cp) throws Exception {
        String credential = admin.register(cp.id(), AgentProcess.TEST_LOCATION, AgentProcess.TEST_PRICE);
        return group.add(AgentProcess.monitor(cp.port(), system.acceptorPort(), cp.id(), 1, cp.dir().resolve("monitor"), credential));
    }

    private static void awaitActive(String id) {
        await().atMost(WAIT).until(() -> admin.stateOf(id).equals("ACTIVE"));
    }

    private static AgentProcess startEngine(AgentProcess.Group group, Cp cp, int maxDurationSeconds) throws Exception {
        AgentProcess engine = group.add(AgentProcess.engine(system.kafka().bootstrapServers(), cp.port(),
                cp.dir().resolve("engine"), TICK_MS, maxDurationSeconds));
        engine.awaitLine("ENGINE LISTENING ON", WAIT);
        return engine;
    }

    private static KafkaDriver driver() {
        return new KafkaDriver(system.kafka().bootstrapServers(), "driver_agents_" + NEXT.incrementAndGet());
    }

    private static String charge(KafkaDriver driver, Cp cp) throws Exception {
        ChargeRequest request = ChargeRequest.of(cp.id(), driver.id());
        long sent = System.nanoTime();
        driver.send(Topics.DRIVER_CHARGE_REQUESTS, request);
        Response accepted = driver.await(Response.class, r -> request.messageId().equals(r.messageId()), WAIT);
        assertThat(accepted.status()).as(accepted.info()).isEqualTo("success");
        long acceptedMs = (System.nanoTime() - sent) / 1_000_000;
        driver.await(ChargingStatusUpdate.class, u -> accepted.sessionId().equals(u.sessionId()), WAIT);
        System.out.printf("[timing] request -> accepted %d ms, request -> first metered tick %d ms%n",
                acceptedMs, (System.nanoTime() - sent) / 1_000_000);
        return accepted.sessionId();
    }

    private static ChargeCompletion ticket(KafkaDriver driver, String sessionId, Duration timeout) throws InterruptedException {
        return driver.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), timeout);
    }

    /** The last reading the driver saw before the ticket, among the messages not consumed yet. */
    private static double lastSeenEnergy(List<WireMessage> messages, String sessionId, double atLeast) {
        return messages.stream().filter(ChargingStatusUpdate.class::isInstance).map(ChargingStatusUpdate.class::cast)
                .filter(u -> sessionId.equals(u.sessionId())).mapToDouble(ChargingStatusUpdate::energyConsumedKwh)
                .max().orElse(atLeast);
    }

    @Test
    void aFullChargeOnRealAgentsEndsWithATicketOfTheMeteredEnergy() throws Exception {
        try (AgentProcess.Group group = new AgentProcess.Group(); KafkaDriver driver = driver()) {
            Cp cp = startCp(group, 2);
            String sessionId = charge(driver, cp);
            await().atMost(WAIT).until(() -> admin.stateOf(cp.id()).equals("CHARGING"));

            ChargeCompletion ticket = ticket(driver, sessionId, WAIT);
            assertThat(ticket.endedBy()).isEqualTo("max_duration");
            assertThat(ticket.energyConsumedKwh()).isPositive();
            assertThat(ticket.totalCost()).isEqualTo(Math.round(ticket.energyConsumedKwh() * 0.25 * 100) / 100.0);
            await().atMost(WAIT).until(() -> admin.stateOf(cp.id()).equals("ACTIVE"));
            assertThat(driver.drain()).filteredOn(ChargeCompletion.class::isInstance).as("one ticket only").isEmpty();
        }
    }

    @Test
    void aTenLineServiceFileRunsUnattended() throws Exception {
        try (AgentProcess.Group group = new AgentProcess.Group()) {
            Cp first = startCp(group, 1);
            Cp second = startCp(group, 1);
            Path services = system.workDir().resolve("services.txt");
            Files.writeString(services, IntStream.range(0, 10).mapToObj(i -> i % 2 == 0 ? first.id() : second.id())
                    .collect(Collectors.joining("\n", "# ten services\n", "\n")));
            String driverId = "driver_services_" + NEXT.incrementAndGet();

            AgentProcess run = group.add(AgentProcess.driverServices(system.kafka().bootstrapServers(), driverId, services, 1));
            assertThat(run.awaitExit(Duration.ofMinutes(3))).isZero();
            assertThat(run.output()).contains("Services finished: 10 done, 0 refused, of 10");

            try (KafkaDriver reader = new KafkaDriver(system.kafka().bootstrapServers(), driverId)) {
                ChargingHistoryRequest history = ChargingHistoryRequest.of(driverId);
                reader.send(Topics.DRIVER_CPS_REQUESTS, history);
                ChargingHistoryResponse past = reader.await(ChargingHistoryResponse.class,
                        h -> history.messageId().equals(h.messageId()), WAIT);
                assertThat(past.history()).hasSize(10).allSatisfy(s -> assertThat(s.status()).isEqualTo("completed"));
            }
        }
    }

    @Test
    void anEngineKilledMidChargeEndsTheSessionAtOnceWithTheEnergySoFar() throws Exception {
        try (AgentProcess.Group group = new AgentProcess.Group(); KafkaDriver driver = driver()) {
            String id = "cp_agent_" + NEXT.incrementAndGet();
            Cp cp = new Cp(id, AgentProcess.freePort(), system.workDir().resolve(id));
            AgentProcess engine = startEngine(group, cp, 60);
            startMonitor(group, cp);
            awaitActive(id);
            String sessionId = charge(driver, cp);
            driver.await(ChargingStatusUpdate.class, u -> u.energyConsumedKwh() >= 0.01, WAIT);

            engine.kill();
            long killed = System.nanoTime();
            ChargeCompletion ticket = ticket(driver, sessionId, Duration.ofSeconds(5));
            System.out.printf("[timing] Engine kill -9 mid-charge -> ticket in %d ms%n", (System.nanoTime() - killed) / 1_000_000);
            assertThat(ticket.endedBy()).isEqualTo("engine_fault");
            assertThat(ticket.energyConsumedKwh()).isGreaterThanOrEqualTo(0.01);
            assertThat(admin.stateOf(id)).isEqualTo("FAULTY");

            startEngine(group, cp, 60);
            await().atMost(WAIT).until(() -> admin.stateOf(id).equals("ACTIVE"));
            assertThat(driver.drain()).filteredOn(ChargeCompletion.class::isInstance).as("no second ticket").isEmpty();
        }
    }

    @Test
    void aMonitorKilledMidChargeEndsTheSupplyAndTheCpIsDisconnected() throws Exception {
        try (AgentProcess.Group group = new AgentProcess.Group(); KafkaDriver driver = driver()) {
            String id = "cp_agent_" + NEXT.incrementAndGet();
            Cp cp = new Cp(id, AgentProcess.freePort(), system.workDir().resolve(id));
            startEngine(group, cp, 60);
            AgentProcess monitor = startMonitor(group, cp);
            awaitActive(id);
            String sessionId = charge(driver, cp);

            monitor.kill();
            await().atMost(Duration.ofSeconds(2)).until(() -> admin.stateOf(id).equals("DISCONNECTED"));
            ChargeCompletion ticket = ticket(driver, sessionId, Duration.ofSeconds(15));
            assertThat(ticket.endedBy()).isIn("monitor_lost", "engine_fault");
            assertThat(ticket.energyConsumedKwh()).isGreaterThanOrEqualTo(lastSeenEnergy(driver.drain(), sessionId, 0));
        }
    }

    @Test
    void aCentralKilledMidChargeGetsTheMeteredResultWhenBackWithoutCountingTwice() throws Exception {
        try (AgentProcess.Group group = new AgentProcess.Group(); KafkaDriver driver = driver()) {
            Cp cp = startCp(group, 4);
            String sessionId = charge(driver, cp);

            system.central().kill();
            // The Engine finishes the supply alone; its result waits in Kafka and in the Monitor's outbox.
            system.central().start();
            system.central().awaitStatus("/health/ready", 200, CentralFixture.START_TIMEOUT);

            ChargeCompletion ticket = ticket(driver, sessionId, Duration.ofSeconds(60));
            assertThat(ticket.endedBy()).isEqualTo("max_duration");
            double metered = ticket.energyConsumedKwh();
            assertThat(metered).as("about 4 s of 0.002 kWh ticks").isBetween(0.02, 0.05);
            await().atMost(WAIT).until(() -> admin.stateOf(cp.id()).equals("ACTIVE"));
            assertThat(driver.drain()).filteredOn(ChargeCompletion.class::isInstance).as("one ticket only").isEmpty();
        }
    }

    @Test
    void aBrokerRestartMidChargeLosesNothing() throws Exception {
        try (AgentProcess.Group group = new AgentProcess.Group(); KafkaDriver driver = driver()) {
            Cp cp = startCp(group, 5);
            String sessionId = charge(driver, cp);

            system.kafka().stop();
            system.kafka().start();

            ChargeCompletion ticket = ticket(driver, sessionId, Duration.ofSeconds(90));
            assertThat(ticket.endedBy()).isEqualTo("max_duration");
            assertThat(ticket.energyConsumedKwh()).as("about 5 s of 0.002 kWh ticks").isBetween(0.02, 0.06);
            system.central().awaitStatus("/health/ready", 200, WAIT);
        }
    }
}
