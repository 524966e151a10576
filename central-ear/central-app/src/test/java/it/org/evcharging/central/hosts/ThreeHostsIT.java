package it.org.evcharging.central.hosts;

import static it.org.evcharging.central.support.EngineLines.kwh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;

import it.org.evcharging.central.hosts.DriverTerminal.Answer;
import it.org.evcharging.central.hosts.DriverTerminal.Ticket;
import it.org.evcharging.central.support.EngineLines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The course's grading guide, unattended, on three hosts built as network namespaces on one
 * bridge: host A runs the Kafka broker and Central, host B three charging points (Engine + Monitor
 * each), host C the drivers (terminal drivers, used through their menu). The test itself watches
 * from the root namespace through Central's admin API only, and reads what the drivers' terminals
 * and the Engines print. Each scenario measures the time from the kill (or cut) to the state at
 * Central and the time to recover; the table goes to {@code target/three-hosts/report.txt}.
 *
 * <p>Runs only in the {@code three-hosts} profile, as root with iproute2; skipped elsewhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeHostsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long TICK_MS = 200;
    private static final int KAFKA_PORT = 9092;
    /** The first admin's password Central is started with (there is no default). */
    private static final String ADMIN_PASSWORD = "three-hosts-secret";
    private static final int HTTP_PORT = 9080;
    private static final int GATEWAY_PORT = 5000;
    private static final int MISSED_HEARTBEATS = 3;
    private static final int END_GRACE_SECONDS = 5;
    private static final double PRICE = 0.25;
    private static final String[] CP_IDS = {"cp_001", "cp_002", "cp_003"};

    private static NetworkNamespaces net;
    private static Path work;
    private static Path reportFile;
    private static CentralApi api;
    private static HostProcess broker;
    private static HostProcess central;
    private static final List<Cp> cps = new ArrayList<>();
    private static final List<HostProcess> others = new CopyOnWriteArrayList<>();
    private static final List<DriverTerminal> drivers = new CopyOnWriteArrayList<>();
    private static final Report report = new Report();
    /** Sessions whose driver was dead when the ticket went out: checked through history instead. */
    private static final List<String> ticketsMissedByDeadDriver = new CopyOnWriteArrayList<>();

    /** A charging point on host B: its Engine and Monitor, restartable. */
    private static final class Cp {
        final String id;
        final String engineAddress;
        final Path dir;
        HostProcess engine;
        HostProcess monitor;
        int engineRuns;
        int monitorRuns;

        Cp(String id, String engineAddress, Path dir) {
            this.id = id;
            this.engineAddress = engineAddress;
            this.dir = dir;
        }
    }

    // ---- the three hosts ----------------------------------------------------------------------

    @BeforeAll
    static void buildHosts() throws Exception {
        Optional<String> why = NetworkNamespaces.unavailableReason();
        assumeTrue(why.isEmpty(), () -> "ThreeHostsIT needs root and iproute2 (ip netns): " + why.orElse(""));
        Path base = Path.of(property("three.hosts.dir"));
        reportFile = base.resolve("report.txt");
        work = base.resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(work);
        net = NetworkNamespaces.create("a", "b", "c");
        report.note("hosts: " + net.describe() + "; logs and data under " + work);
        api = new CentralApi(a(), HTTP_PORT, "admin", ADMIN_PASSWORD);

        long begin = System.nanoTime();
        broker = startBroker();
        long brokerReady = System.nanoTime();
        central = new HostProcess("central", net.namespace("a"),
                List.of(Path.of(property("liberty.install.dir"), "bin", "server").toString(), "run", "central"),
                centralEnv(), work.resolve("central.log")).start();
        long centralReady = api.awaitReady(Duration.ofSeconds(180), central);
        report.note("start-up: broker ready in " + Report.ms(begin, brokerReady) + ", Central ready in "
                + Report.ms(brokerReady, centralReady));

        for (int i = 0; i < CP_IDS.length; i++) {
            Cp cp = new Cp(CP_IDS[i], b() + ":" + (6001 + i), work.resolve(CP_IDS[i]));
            cps.add(cp);
            startEngine(cp, 2);
        }
        for (Cp cp : cps) {
            startMonitor(cp);
        }
        for (Cp cp : cps) {
            api.awaitState(cp.id, "ACTIVE", WAIT);
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        try {
            List<HostProcess> all = new ArrayList<>();
            drivers.forEach(d -> all.add(d.process()));
            all.addAll(others);
            for (Cp cp : cps) {
                all.add(cp.monitor);
                all.add(cp.engine);
            }
            all.add(central);
            all.add(broker);
            for (HostProcess process : all) {
                if (process != null) {
                    process.stop(Duration.ofSeconds(30));
                }
            }
        } finally {
            if (net != null) {
                net.close();
            }
            if (reportFile != null) {
                report.write(reportFile);
                System.out.println("[three-hosts] report (" + reportFile + "):\n" + report.render());
            }
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run through Maven -Pthree-hosts");
        }
        return value;
    }

    private static String a() {
        return net.address("a");
    }

    private static String b() {
        return net.address("b");
    }

    private static String brokerAddress() {
        return a() + ":" + KAFKA_PORT;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static HostProcess startBroker() throws Exception {
        HostProcess kafka = broker != null ? broker : new HostProcess("broker", net.namespace("a"),
                List.of(java(), "-jar", property("three.hosts.kafka.jar"), "--port", Integer.toString(KAFKA_PORT),
                        "--data-dir", work.resolve("kafka").toString(), "--host", a()),
                Map.of(), work.resolve("broker.log"));
        int mark = kafka.mark();
        kafka.start();
        kafka.awaitLine("^Kafka broker ready on " + brokerAddress().replace(".", "\\."), mark, Duration.ofSeconds(90));
        return kafka;
    }

    private static Map<String, String> centralEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("HTTP_PORT", Integer.toString(HTTP_PORT));
        env.put("HTTPS_PORT", "9443");
        env.put("LISTEN_HOST", "0.0.0.0");
        env.put("LISTEN_PORT", Integer.toString(GATEWAY_PORT));
        env.put("BROKER_ADDRESS", brokerAddress());
        env.put("DB_PATH", work.resolve("central-data").resolve("central.db").toString());
        env.put("ADMIN_USER", "admin");
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("CP_AUTO_AUTHORIZE", "true");
        env.put("MONITOR_MISSED_HEARTBEATS", Integer.toString(MISSED_HEARTBEATS));
        env.put("SESSION_END_GRACE_SECONDS", Integer.toString(END_GRACE_SECONDS));
        env.put("SESSION_START_TIMEOUT_SECONDS", "15");
        env.put("WLP_OUTPUT_DIR", work.resolve("central-wlp-output").toString());
        return env;
    }

    private static String agentJar() {
        return property("it.agent.jar");
    }

    private static void startEngine(Cp cp, int maxDurationSeconds) throws Exception {
        cp.engineRuns++;
        cp.engine = new HostProcess(cp.id + "-engine-" + cp.engineRuns, net.namespace("b"),
                List.of(java(), "-jar", agentJar(), "engine", brokerAddress(), "--listen", cp.engineAddress,
                        "--data-dir", cp.dir.resolve("engine").toString(), "--tick-ms", Long.toString(TICK_MS),
                        "--max-duration", Integer.toString(maxDurationSeconds)),
                Map.of(), work.resolve(cp.id + "-engine-" + cp.engineRuns + ".log")).start();
        cp.engine.awaitLine("ENGINE LISTENING ON", 0, WAIT);
    }

    private static void startMonitor(Cp cp) throws Exception {
        cp.monitorRuns++;
        cp.monitor = new HostProcess(cp.id + "-monitor-" + cp.monitorRuns, net.namespace("b"),
                List.of(java(), "-jar", agentJar(), "monitor", cp.engineAddress, a() + ":" + GATEWAY_PORT, cp.id,
                        "--location", "Host B bay " + cp.id, "--price", Double.toString(PRICE),
                        "--heartbeat-interval", "1", "--reconnect-max", "1",
                        "--data-dir", cp.dir.resolve("monitor").toString()),
                Map.of(), work.resolve(cp.id + "-monitor-" + cp.monitorRuns + ".log")).start();
    }

    /** Engines of {@code which} CPs stopped (SIGTERM, no supply running) and started with a new maximum duration. */
    private static void restartEngines(int maxDurationSeconds, Cp... which) throws Exception {
        for (Cp cp : which) {
            cp.engine.stop(Duration.ofSeconds(20));
            startEngine(cp, maxDurationSeconds);
        }
        for (Cp cp : which) {
            api.awaitState(cp.id, "ACTIVE", WAIT);
        }
    }

    /** A terminal driver on host C, connected to Kafka and waiting at its menu. */
    private static DriverTerminal driver(String id) throws Exception {
        int run = (int) drivers.stream().filter(d -> d.id().equals(id)).count() + 1;
        HostProcess process = new HostProcess(id + "-" + run, net.namespace("c"),
                List.of(java(), "-jar", agentJar(), "driver", brokerAddress(), id, "--answer-timeout", "3"),
                Map.of(), work.resolve(id + "-" + run + ".log")).start();
        DriverTerminal driver = new DriverTerminal(id, process);
        drivers.add(driver);
        return driver;
    }

    private static List<DriverTerminal> drivers(String... ids) throws Exception {
        List<DriverTerminal> started = new ArrayList<>();
        for (String id : ids) {
            started.add(driver(id));
        }
        for (DriverTerminal d : started) {
            d.awaitConnected(WAIT);
        }
        return started;
    }

    private static Cp cp(int index) {
        return cps.get(index);
    }

    /** The Engine's own figure for a session: "Supply stopped session=S ended_by=E energy=X kWh". */
    private static Matcher supplyStopped(Cp cp, String sessionId, Duration timeout) throws InterruptedException {
        return cp.engine.awaitMatch(EngineLines.supplyStopped(sessionId), 0, timeout);
    }

    /** Charges and waits until Central shows the CP CHARGING and the Engine has metered for a while. */
    private static String chargeAndMeter(DriverTerminal driver, Cp cp, long meterMillis) throws Exception {
        Answer answer = driver.charge(cp.id, Duration.ofSeconds(20));
        assertThat(answer.outcome()).as(driver.id() + " at " + cp.id + ": " + answer.text()).isEqualTo("accepted");
        api.awaitState(cp.id, "CHARGING", Duration.ofSeconds(20));
        TimeUnit.MILLISECONDS.sleep(meterMillis);
        return answer.sessionId();
    }

    private static void assertSameKwh(String what, double actual, double expected) {
        assertThat(DriverTerminal.kwh(actual)).as(what).isEqualTo(DriverTerminal.kwh(expected));
    }

    private static void onlyOneTicket(DriverTerminal driver, String sessionId) throws InterruptedException {
        TimeUnit.SECONDS.sleep(2);
        assertThat(driver.ticketsFor(sessionId)).as(driver.id() + ": tickets of " + sessionId).hasSize(1);
    }

    private static void runInParallel(List<ThrowingRunnable> scenarios) {
        ExecutorService pool = Executors.newFixedThreadPool(scenarios.size());
        try {
            List<CompletableFuture<Void>> futures = scenarios.stream().map(s -> CompletableFuture.runAsync(() -> {
                try {
                    s.run();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, pool)).toList();
            AssertionError failure = null;
            for (CompletableFuture<Void> future : futures) {
                try {
                    future.join();
                } catch (CompletionException e) {
                    Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
                    if (failure == null) {
                        failure = new AssertionError("scenario failed: " + cause, cause);
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    // ---- the grading guide --------------------------------------------------------------------

    @Test
    @Order(1)
    void aServiceFileOfTwelveRequestsFromHostCEndsWithATicketEachAndTheTotalsAgree() throws Exception {
        int requests = 12;
        Path services = work.resolve("services.txt");
        Files.writeString(services, IntStream.range(0, requests).mapToObj(i -> CP_IDS[i % 3])
                .collect(Collectors.joining("\n", "# " + requests + " services from host C\n", "\n")));
        String driverId = "driver_services";
        HostProcess process = new HostProcess(driverId, net.namespace("c"),
                List.of(java(), "-jar", agentJar(), "driver", brokerAddress(), driverId, "--services", services.toString(),
                        "--pause-seconds", "1", "--answer-timeout", "5"),
                Map.of(), work.resolve(driverId + ".log"));
        DriverTerminal driver = new DriverTerminal(driverId, process);
        drivers.add(driver);
        long begin = System.nanoTime();
        process.start();
        assertThat(process.awaitExit(Duration.ofMinutes(3))).as("driver exit status").isZero();
        long end = System.nanoTime();
        process.awaitLine("^Services finished: " + requests + " done, 0 refused, of " + requests, 0, Duration.ofSeconds(1));

        List<Ticket> tickets = driver.tickets();
        assertThat(tickets).as("tickets on the driver's terminal").hasSize(requests);
        assertThat(tickets.stream().map(Ticket::sessionId).distinct()).hasSize(requests);
        List<JsonNode> sessions = api.sessions().stream().filter(s -> driverId.equals(s.path("driver_id").asText())).toList();
        assertThat(sessions).as("the driver's sessions at Central").hasSize(requests);
        Map<String, JsonNode> byId = sessions.stream().collect(Collectors.toMap(s -> s.path("session_id").asText(), s -> s));
        double ticketKwh = 0;
        double ticketCost = 0;
        double apiKwh = 0;
        double apiCost = 0;
        for (Ticket ticket : tickets) {
            JsonNode session = byId.get(ticket.sessionId());
            assertThat(session).as("session " + ticket.sessionId() + " at Central").isNotNull();
            assertThat(session.path("state").asText()).isEqualTo("completed");
            assertThat(session.path("ended_by").asText()).isEqualTo("max_duration");
            assertSameKwh("ticket vs Central, " + ticket.sessionId(), ticket.energyKwh(), session.path("energy_kwh").asDouble());
            assertThat(ticket.cost()).isEqualTo(session.path("total_cost").asDouble());
            Cp cp = cps.stream().filter(c -> c.id.equals(ticket.cpId())).findFirst().orElseThrow();
            assertSameKwh("ticket vs Engine, " + ticket.sessionId(), ticket.energyKwh(),
                    kwh(supplyStopped(cp, ticket.sessionId(), Duration.ofSeconds(1))));
            ticketKwh += ticket.energyKwh();
            ticketCost += ticket.cost();
            apiKwh += session.path("energy_kwh").asDouble();
            apiCost += session.path("total_cost").asDouble();
        }
        assertSameKwh("total kWh, tickets vs Central", ticketKwh, apiKwh);
        assertThat(String.format(Locale.ROOT, "%.2f", ticketCost)).isEqualTo(String.format(Locale.ROOT, "%.2f", apiCost));
        report.add("service file: " + requests + " requests from host C", String.format(Locale.ROOT,
                "%d tickets, %.3f kWh / %.2f EUR = Central's sessions API", requests, ticketKwh, ticketCost),
                "-", "run took " + Report.ms(begin, end));
    }

    @Test
    @Order(2)
    void killsOfAMonitorAnEngineAndADriverMidChargeOnThreeCps() throws Exception {
        restartEngines(12, cps.toArray(Cp[]::new));
        List<DriverTerminal> d = drivers("driver_monitor_kill", "driver_refused", "driver_engine_kill", "driver_gone");
        runInParallel(List.of(
                () -> monitorKilled(cp(0), d.get(0), d.get(1)),
                () -> engineKilled(cp(1), d.get(2)),
                () -> driverKilled(cp(2), d.get(3))));
    }

    private void monitorKilled(Cp cp, DriverTerminal driver, DriverTerminal other) throws Exception {
        String session = chargeAndMeter(driver, cp, 2000);
        long kill = System.nanoTime();
        cp.monitor.kill9();
        long disconnected = api.awaitState(cp.id, "DISCONNECTED", Duration.ofSeconds(5));
        double metered = kwh(supplyStopped(cp, session, Duration.ofSeconds(5)));
        assertThat(supplyStopped(cp, session, Duration.ZERO).group(1)).isEqualTo("monitor_lost");

        Answer refused = other.charge(cp.id, Duration.ofSeconds(10));
        assertThat(refused.outcome()).as("a request at a DISCONNECTED CP: " + refused.text()).isEqualTo("refused");
        assertThat(api.stateOf(cp.id)).isEqualTo("DISCONNECTED");

        Ticket ticket = driver.awaitTicket(session, Duration.ofSeconds(30));
        assertSameKwh("ticket vs the Engine's metered kWh", ticket.energyKwh(), metered);
        assertThat(ticket.ended()).isEqualTo("Charging point monitor lost");

        long restart = System.nanoTime();
        startMonitor(cp);
        long active = api.awaitState(cp.id, "ACTIVE", WAIT);
        JsonNode stored = api.awaitClosed(session, Duration.ofSeconds(10));
        assertSameKwh("Central's session vs the ticket", stored.path("energy_kwh").asDouble(), ticket.energyKwh());
        onlyOneTicket(driver, session);
        report.add("kill -9 Monitor of " + cp.id + " mid-charge", String.format(Locale.ROOT,
                "DISCONNECTED; Engine ended the supply, ticket %s kWh (monitor lost) +%s; new request refused",
                DriverTerminal.kwh(metered), Report.ms(kill, ticket.nanos())),
                Report.ms(kill, disconnected), "Monitor restarted -> ACTIVE in " + Report.ms(restart, active));
    }

    private void engineKilled(Cp cp, DriverTerminal driver) throws Exception {
        String session = chargeAndMeter(driver, cp, 2000);
        int mark = driver.process().mark();
        long kill = System.nanoTime();
        cp.engine.kill9();
        long faulty = api.awaitState(cp.id, "FAULTY", Duration.ofSeconds(5));
        HostProcess.Line told = driver.process().awaitLine("(?i)fault|averia|avería", mark, Duration.ofSeconds(15));
        Ticket ticket = driver.awaitTicket(session, Duration.ofSeconds(30));
        assertThat(ticket.ended()).isEqualTo("Charging point fault");

        long restart = System.nanoTime();
        startEngine(cp, 12);
        long active = api.awaitState(cp.id, "ACTIVE", WAIT);
        Matcher onDisk = cp.engine.awaitMatch("Interrupted session " + session + " found on disk: closed with energy=([0-9.]+) kWh",
                0, Duration.ofSeconds(10));
        double metered = Double.parseDouble(onDisk.group(1));
        assertSameKwh("ticket vs what the Engine had supplied (reported after its restart)", ticket.energyKwh(), metered);
        JsonNode stored = api.awaitClosed(session, Duration.ofSeconds(10));
        TimeUnit.SECONDS.sleep(2);
        assertSameKwh("Central's session vs the ticket", api.session(session).path("energy_kwh").asDouble(), ticket.energyKwh());
        assertThat(stored.path("ended_by").asText()).isEqualTo("engine_fault");
        onlyOneTicket(driver, session);
        report.add("kill -9 Engine of " + cp.id + " mid-charge", String.format(Locale.ROOT,
                "FAULTY; driver told +%s ('%s'); ticket %s kWh (fault) +%s",
                Report.ms(kill, told.nanos()), told.text().replaceAll("\\s+", " ").strip(), DriverTerminal.kwh(ticket.energyKwh()),
                Report.ms(kill, ticket.nanos())),
                Report.ms(kill, faulty), "Engine restarted -> ACTIVE in " + Report.ms(restart, active)
                        + ", reported " + DriverTerminal.kwh(metered) + " kWh");
    }

    private void driverKilled(Cp cp, DriverTerminal driver) throws Exception {
        String session = chargeAndMeter(driver, cp, 1500);
        long kill = System.nanoTime();
        driver.process().kill9();
        ticketsMissedByDeadDriver.add(session);
        TimeUnit.SECONDS.sleep(1);
        assertThat(api.stateOf(cp.id)).as("the supply goes on without its driver").isEqualTo("CHARGING");
        Matcher stopped = supplyStopped(cp, session, Duration.ofSeconds(20));
        assertThat(stopped.group(1)).isEqualTo("max_duration");
        double metered = kwh(stopped);
        JsonNode stored = api.awaitClosed(session, Duration.ofSeconds(20));
        long closed = System.nanoTime();
        assertSameKwh("Central's session vs the Engine", stored.path("energy_kwh").asDouble(), metered);
        assertThat(stored.path("ended_by").asText()).isEqualTo("max_duration");

        long restart = System.nanoTime();
        DriverTerminal back = drivers(driver.id()).get(0);
        Matcher history = back.historyOf(session, Duration.ofSeconds(20));
        long seen = System.nanoTime();
        assertThat(history.group(1)).isEqualTo(cp.id);
        assertSameKwh("the restarted driver's history vs the Engine", Double.parseDouble(history.group(2)), metered);
        report.add("kill -9 driver at " + cp.id + " mid-charge", String.format(Locale.ROOT,
                "CP stays CHARGING; supply ran to its end, %s kWh stored, closed +%s", DriverTerminal.kwh(metered),
                Report.ms(kill, closed)), "unchanged (CHARGING)",
                "driver restarted -> its history shows the session in " + Report.ms(restart, seen));
    }

    @Test
    @Order(3)
    void aCentralKilledMidChargeLetsTheCpsFinishAndGivesTheTicketsWhenBack() throws Exception {
        for (Cp cp : cps) {
            api.awaitState(cp.id, "ACTIVE", WAIT);
        }
        List<DriverTerminal> d = drivers("driver_central_1", "driver_central_2", "driver_central_late");
        String first = chargeAndMeter(d.get(0), cp(0), 0);
        String second = chargeAndMeter(d.get(1), cp(1), 2000);
        int[] monitorMarks = cps.stream().mapToInt(c -> c.monitor.mark()).toArray();

        long kill = System.nanoTime();
        central.kill9();
        HostProcess.Line lost = cp(0).monitor.awaitLine("Cannot connect to CENTRAL", monitorMarks[0], Duration.ofSeconds(15));
        for (int i = 1; i < cps.size(); i++) {
            cp(i).monitor.awaitLine("Cannot connect to CENTRAL", monitorMarks[i], Duration.ofSeconds(15));
        }
        int lateMark = d.get(2).process().mark();
        long asked = System.nanoTime();
        Answer none = d.get(2).charge(cp(2).id, Duration.ofSeconds(15));
        assertThat(none.outcome()).as("a request while Central is down: " + none.text()).isEqualTo("no_central");

        double firstKwh = kwh(supplyStopped(cp(0), first, Duration.ofSeconds(30)));
        double secondKwh = kwh(supplyStopped(cp(1), second, Duration.ofSeconds(30)));
        long finished = System.nanoTime();
        assertThat(central.isAlive()).isFalse();

        long restart = System.nanoTime();
        central.start();
        long ready = api.awaitReady(Duration.ofSeconds(180), central);
        long active = 0;
        for (Cp cp : cps.subList(0, 2)) {
            active = Math.max(active, api.awaitState(cp.id, "ACTIVE", WAIT));
        }
        Ticket t1 = d.get(0).awaitTicket(first, WAIT);
        Ticket t2 = d.get(1).awaitTicket(second, WAIT);
        assertSameKwh("ticket 1 vs its Engine", t1.energyKwh(), firstKwh);
        assertSameKwh("ticket 2 vs its Engine", t2.energyKwh(), secondKwh);
        assertThat(t1.ended()).isEqualTo("Maximum charging time reached");
        assertThat(t2.ended()).isEqualTo("Maximum charging time reached");
        assertSameKwh("Central's session 1", api.awaitClosed(first, WAIT).path("energy_kwh").asDouble(), firstKwh);
        assertSameKwh("Central's session 2", api.awaitClosed(second, WAIT).path("energy_kwh").asDouble(), secondKwh);

        // The request queued in Kafka while Central was away waits for the CP's Monitor to come back: it charges.
        Answer late = d.get(2).awaitAnswer(lateMark, WAIT);
        assertThat(late.outcome()).as("the request queued while Central was down: " + late.text()).isEqualTo("accepted");
        Ticket lateTicket = d.get(2).awaitTicket(late.sessionId(), WAIT);
        assertSameKwh("queued request's ticket vs its Engine", lateTicket.energyKwh(),
                kwh(supplyStopped(cp(2), late.sessionId(), Duration.ZERO)));
        String lateOutcome = "accepted +" + Report.ms(ready, late.nanos()) + " after ready, ticket "
                + DriverTerminal.kwh(lateTicket.energyKwh()) + " kWh";
        onlyOneTicket(d.get(0), first);
        onlyOneTicket(d.get(1), second);
        for (Cp cp : cps) {
            api.awaitState(cp.id, "ACTIVE", WAIT);
        }
        long lastTicket = Math.max(t1.nanos(), t2.nanos());
        report.add("kill -9 Central mid-charge (" + cp(0).id + ", " + cp(1).id + ")",
                "Monitors 'Cannot connect to CENTRAL' +" + Report.ms(kill, lost.nanos()) + "; driver request -> 'Cannot connect"
                        + " to CENTRAL' after " + Report.ms(asked, none.nanos()) + "; both CPs finished alone +"
                        + Report.ms(kill, finished) + "; request queued meanwhile, after restart: " + lateOutcome,
                Report.ms(kill, lost.nanos()),
                "Central restarted: ready in " + Report.ms(restart, ready) + ", CPs ACTIVE +" + Report.ms(ready, active)
                        + ", tickets (" + DriverTerminal.kwh(firstKwh) + ", " + DriverTerminal.kwh(secondKwh) + " kWh) "
                        + Report.ms(restart, lastTicket) + " after the restart");
    }

    @Test
    @Order(4)
    void theLinkBetweenHostBAndHostACutForTwentySecondsMidCharge() throws Exception {
        for (Cp cp : cps) {
            api.awaitState(cp.id, "ACTIVE", WAIT);
        }
        Cp cp = cp(0);
        restartEngines(35, cp);
        List<DriverTerminal> d = drivers("driver_link", "driver_link_second");
        String session = chargeAndMeter(d.get(0), cp, 2000);

        int monitorMark = cp.monitor.mark();
        long cut = System.nanoTime();
        net.cut("b");
        long disconnected;
        try {
            disconnected = api.awaitState(cp.id, "DISCONNECTED", Duration.ofSeconds(15));
            for (Cp other : cps) {
                api.awaitState(other.id, "DISCONNECTED", Duration.ofSeconds(15));
            }
            TimeUnit.NANOSECONDS.sleep(cut + Duration.ofSeconds(20).toNanos() - System.nanoTime());
        } finally {
            net.restore("b");
        }
        long restored = System.nanoTime();
        // What Central shows once the Monitor is back, while the Engine still supplies (it meters 35 s).
        HostProcess.Line back = cp.monitor.awaitLine("Registered with CENTRAL", monitorMark, Duration.ofSeconds(20));
        boolean stillSupplying = cp.engine.find("Supply stopped session=" + session, 0).isEmpty();
        String stateBack = "Monitor back +" + Report.ms(restored, back.nanos()) + ", then not CHARGING within 3 s";
        long charging = 0;
        try {
            charging = api.awaitState(cp.id, "CHARGING", Duration.ofSeconds(3));
            stateBack = "Monitor back +" + Report.ms(restored, back.nanos()) + ", CHARGING +" + Report.ms(restored, charging);
        } catch (AssertionError e) {
            stateBack += " (" + api.stateOf(cp.id) + ")";
        }
        Answer second = d.get(1).charge(cp.id, Duration.ofSeconds(10));
        long othersActive = 0;
        for (Cp other : cps.subList(1, 3)) {
            othersActive = Math.max(othersActive, api.awaitState(other.id, "ACTIVE", Duration.ofSeconds(20)));
        }
        if (second.outcome().equals("accepted")) {
            d.get(1).awaitTicket(second.sessionId(), WAIT);
        }

        Matcher stopped = supplyStopped(cp, session, Duration.ofSeconds(40));
        double metered = kwh(stopped);
        Ticket ticket = d.get(0).awaitTicket(session, Duration.ofSeconds(30));
        JsonNode stored = api.awaitClosed(session, Duration.ofSeconds(10));
        TimeUnit.SECONDS.sleep(2);
        double storedKwh = api.session(session).path("energy_kwh").asDouble();
        int tickets = d.get(0).ticketsFor(session).size();
        report.add("link host B - host A cut 20 s while " + cp.id + " charges",
                "DISCONNECTED (all 3 CPs) after " + MISSED_HEARTBEATS + " missed 1 s heartbeats; after the return: "
                        + stateBack + " while the Engine " + (stillSupplying ? "still supplied" : "had ended")
                        + "; second driver " + second.outcome() + "; " + tickets + " ticket(s) " + DriverTerminal.kwh(ticket.energyKwh())
                        + " kWh (" + ticket.ended() + "), Engine metered " + DriverTerminal.kwh(metered) + ", Central stores "
                        + DriverTerminal.kwh(storedKwh) + " (" + stored.path("ended_by").asText() + ")",
                Report.ms(cut, disconnected),
                "link restored -> " + stateBack + ", other CPs ACTIVE in " + Report.ms(restored, othersActive));

        assertThat(Duration.ofNanos(disconnected - cut)).as("DISCONNECTED only after the missed heartbeats")
                .isGreaterThanOrEqualTo(Duration.ofMillis((MISSED_HEARTBEATS - 1) * 1000L));
        assertThat(stillSupplying).as("the Engine still supplies when the Monitor is back").isTrue();
        assertThat(charging).as("back to the true state: CHARGING; " + stateBack).isPositive();
        assertThat(second.outcome()).as("a second driver at the CP still supplying: " + second.text()).isEqualTo("refused");
        assertThat(stopped.group(1)).isEqualTo("max_duration");
        assertSameKwh("ticket vs the Engine's metered kWh", ticket.energyKwh(), metered);
        assertSameKwh("Central's session vs the ticket", storedKwh, ticket.energyKwh());
        assertThat(tickets).as("tickets of " + session).isEqualTo(1);
        api.awaitState(cp.id, "ACTIVE", WAIT);
    }

    @Test
    @Order(5)
    void theBrokerKilledAndRestartedMidChargeLosesNothingAndCountsNothingTwice() throws Exception {
        for (Cp cp : cps) {
            api.awaitState(cp.id, "ACTIVE", WAIT);
        }
        Cp cp = cp(1);
        restartEngines(8, cp);
        DriverTerminal driver = drivers("driver_broker").get(0);
        String session = chargeAndMeter(driver, cp, 2000);

        long kill = System.nanoTime();
        broker.kill9();
        Matcher stopped = supplyStopped(cp, session, Duration.ofSeconds(20));
        long ended = System.nanoTime();
        assertThat(stopped.group(1)).isEqualTo("max_duration");
        double metered = kwh(stopped);
        String stateDuringOutage = api.stateOf(cp.id);
        TimeUnit.SECONDS.sleep(3);
        assertThat(broker.isAlive()).isFalse();

        long restart = System.nanoTime();
        startBroker();
        long ready = System.nanoTime();
        Ticket ticket = driver.awaitTicket(session, Duration.ofSeconds(90));
        assertSameKwh("ticket vs the Engine's metered kWh", ticket.energyKwh(), metered);
        assertThat(ticket.ended()).isEqualTo("Maximum charging time reached");
        JsonNode stored = api.awaitClosed(session, WAIT);
        TimeUnit.SECONDS.sleep(3);
        assertSameKwh("Central's session vs the ticket", api.session(session).path("energy_kwh").asDouble(), metered);
        assertThat(stored.path("ended_by").asText()).isEqualTo("max_duration");
        onlyOneTicket(driver, session);
        assertThat(api.sessions().stream().filter(s -> driver.id().equals(s.path("driver_id").asText())))
                .as("sessions of " + driver.id() + " at Central").hasSize(1);
        long active = api.awaitState(cp.id, "ACTIVE", WAIT);
        api.awaitReady(WAIT, central);
        report.add("kill -9 broker while " + cp.id + " charges",
                "supply ended during the outage (+" + Report.ms(kill, ended) + ", " + DriverTerminal.kwh(metered)
                        + " kWh); CP at Central meanwhile: " + stateDuringOutage + "; one ticket = Engine = Central",
                "-", "broker restarted in " + Report.ms(restart, ready) + "; ticket +" + Report.ms(ready, ticket.nanos())
                        + ", CP ACTIVE +" + Report.ms(ready, active));
    }

    @Test
    @Order(6)
    void everySessionAtCentralHasExactlyOneTicketWithItsKwh() throws Exception {
        List<JsonNode> sessions = api.sessions();
        Map<String, List<Ticket>> tickets = new HashMap<>();
        for (DriverTerminal driver : drivers) {
            for (Ticket ticket : driver.tickets()) {
                tickets.computeIfAbsent(ticket.sessionId(), k -> new ArrayList<>()).add(ticket);
            }
        }
        double sessionKwh = 0;
        double ticketKwh = 0;
        for (JsonNode session : sessions) {
            String id = session.path("session_id").asText();
            assertThat(session.path("running").asBoolean()).as(id + " still running").isFalse();
            List<Ticket> shown = tickets.getOrDefault(id, List.of());
            if (ticketsMissedByDeadDriver.contains(id)) {
                assertThat(shown).as(id + ": its driver was dead").isEmpty();
                continue;
            }
            assertThat(shown).as("tickets shown for " + id + " (" + session + ")").hasSize(1);
            assertSameKwh("ticket vs Central for " + id, shown.get(0).energyKwh(), session.path("energy_kwh").asDouble());
            sessionKwh += session.path("energy_kwh").asDouble();
            ticketKwh += shown.get(0).energyKwh();
        }
        assertThat(tickets.keySet()).as("every ticket is a session Central has")
                .allMatch(id -> sessions.stream().anyMatch(s -> id.equals(s.path("session_id").asText())));
        report.add("audit of the whole run", sessions.size() + " sessions at Central, one ticket each (" + ticketsMissedByDeadDriver.size()
                + " seen through history), " + DriverTerminal.kwh(ticketKwh) + " kWh on tickets = "
                + DriverTerminal.kwh(sessionKwh) + " kWh at Central", "-", "-");
    }
}
