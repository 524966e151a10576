package it.org.evcharging.central.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.AgentProcess;
import it.org.evcharging.central.support.ClusteredCentral;
import it.org.evcharging.central.support.ItSettings;
import it.org.evcharging.central.support.PostgresServer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.evcharging.kafka.KafkaBrokerProcess;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 at scale: two Centrals in cluster mode on one PostgreSQL and one Kafka broker (real
 * processes, as in ActiveActiveCentralsIT), N simulated Monitors per Central in their own JVM
 * ({@link FailoverSwarm}: half know "a,b", half "b,a", and fail over as cp-agent's Monitor does),
 * then kill -9 of central-b. Measured: how long 2N CPs take to register and be ACTIVE; heartbeat
 * round trips before the kill; how long from the kill until central-a's admin API shows all 2N
 * ACTIVE and held by central-a, and until the swarm has re-registered all of central-b's CPs on
 * central-a; heartbeat round trips on central-a afterwards; central-a's RSS and CPU. CPs are admitted
 * as the other benchmarks admit them: CP_AUTO_AUTHORIZE (legacy, id alone), which no newcomer
 * throttle applies to. Not part of {@code verify}:
 * {@code ./mvnw -B -ntp -o -pl central-ear/central-app -am verify -Pbenchmark -Dit.test=FailoverBenchmark
 * -Dbench.failover.cps=5000}. Report: target/benchmark/failover.txt.
 */
class FailoverBenchmark {

    /** CPs per Central: 2 × this in all. */
    private static final int CPS = Integer.getInteger("bench.failover.cps", 5_000);
    /** Each heartbeat window, before the kill and after the fail-over. */
    private static final int SECONDS = Integer.getInteger("bench.failover.seconds", 10);
    private static final int HEARTBEAT_SECONDS = Integer.getInteger("bench.failover.heartbeat.seconds", 1);
    private static final int TIMEOUT_SECONDS = Integer.getInteger("bench.failover.timeout.seconds", 600);
    private static final Duration POLL = Duration.ofMillis(250);
    /** Central's log lines (Ownership, CentralSchedule) for a lease it found expired and a Monitor it found silent. */
    private static final String REAPED = "stopped renewing the lease";
    private static final String SILENT = "no sign of life";

    /** One answer of central-a's API: ACTIVE CPs by holder, DISCONNECTED ones, when it came and how long it took. */
    record Sample(long atMs, int activeOnA, int activeOnB, int activeHeldByNobody, int disconnected, long tookMs) {
    }

    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    @Test
    void killOneOfTwoCentrals() throws Exception {
        double[] loadAtStart = ProcessMeter.loadAverage();
        Path work = ItSettings.workDir(FailoverBenchmark.class);
        boolean allBack;
        try (PostgresServer postgres = PostgresServer.start();
             KafkaBrokerProcess kafka = KafkaBrokerProcess.builder().port(AgentProcess.freePort())
                     .dataDir(work.resolve("kafka")).startTimeout(Duration.ofSeconds(60)).build()) {
            kafka.start();
            // Legacy admission (id alone), as the other benchmarks: it passes no newcomer throttle and needs
            // no credential hash per connection (see docs/performance.md).
            Map<String, String> env = Map.of("CP_AUTO_AUTHORIZE", "true");
            try (ClusteredCentral a = ClusteredCentral.of("central-a", work, kafka.bootstrapServers(), postgres, env);
                 ClusteredCentral b = ClusteredCentral.of("central-b", work, kafka.bootstrapServers(), postgres, env)) {
                // One after the other: the first runs the migrations and creates the first admin.
                a.startAndAwaitReady();
                b.startAndAwaitReady();
                allBack = failover(a, b, postgres);
            }
        }
        String report = report(loadAtStart, ProcessMeter.loadAverage());
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "failover.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(allBack).as("all %d CPs ACTIVE on central-a after the kill", 2 * CPS).isTrue();
    }

    private boolean failover(ClusteredCentral a, ClusteredCentral b, PostgresServer postgres) throws Exception {
        ProcessMeter centralA = new ProcessMeter(ProcessMeter.libertyPid("CENTRAL_NAME=" + a.name()));
        centralA.start();
        ChildJvm swarm = ChildJvm.start("swarm", FailoverSwarm.class, a.monitorAddress(), b.monitorAddress(),
                Integer.toString(CPS), Integer.toString(HEARTBEAT_SECONDS));
        try {
            // 1. Every CP registers on the first Central of its list.
            long startedMs = Long.parseLong(swarm.await("STARTED", 120).get("ms"));
            Map<String, String> registered = swarm.await("REGISTERED", TIMEOUT_SECONDS);
            row("register + ACTIVE all 2N: swarm's last register_response (ms)", registered.get("register_ms"));
            List<Sample> setup = new ArrayList<>();
            Sample allActive = pollUntil(a.admin(), startedMs, s -> s.activeOnA() + s.activeOnB() == 2 * CPS, setup);
            row("register + ACTIVE all 2N: central-a's API shows them (ms)", allActive == null ? "not within the timeout"
                    : Long.toString(allActive.atMs()));
            if (allActive == null) {
                return false;
            }
            row("CPs ACTIVE held by central-a / central-b before the kill", allActive.activeOnA() + " / " + allActive.activeOnB());
            row("while registering: links lost / connections timed out / refusals by Central", registered.get("links_lost")
                    + " / " + registered.get("connect_timeouts") + " / " + registered.get("refusals"));

            // 2. Heartbeats before the kill.
            swarm.send("MEASURE " + SECONDS + " before");
            heartbeatRows("before the kill", swarm.await("MEASURED", SECONDS + 60));
            row("central-a RSS max until the kill (MB)", String.format("%.0f", centralA.takeMaxMb()));

            // 3. kill -9 of central-b, and who holds what meanwhile.
            swarm.send("MARK");
            swarm.await("MARKED", 30);
            long reapedByAAtKill = logLines(a, REAPED);
            long silentOnAAtKill = logLines(a, SILENT);
            row("until the kill: live leases reaped by central-b / by central-a; links central-a closed as silent",
                    logLines(b, REAPED) + " / " + reapedByAAtKill + "; " + silentOnAAtKill);
            long cpu0 = centralA.cpuTicks();
            long killedAt = System.currentTimeMillis();
            b.kill();
            swarm.send("AWAIT_MOVED " + TIMEOUT_SECONDS);
            List<Sample> takeover = new ArrayList<>();
            Sample allOnA = pollUntil(a.admin(), killedAt, s -> s.activeOnA() == 2 * CPS, takeover);
            long cpu1 = centralA.cpuTicks();
            long windowMs = System.currentTimeMillis() - killedAt;
            Map<String, String> moved = swarm.await("MOVED", TIMEOUT_SECONDS + 30);
            takeoverRows(killedAt, allOnA, takeover, moved);
            row("  leases reaped by central-a / links it closed as silent, after the kill",
                    (logLines(a, REAPED) - reapedByAAtKill) + " / " + (logLines(a, SILENT) - silentOnAAtKill));
            row("  central-a CPU from the kill to all ACTIVE on it (cores)", String.format("%.2f", (cpu1 - cpu0) / 100.0 / (windowMs / 1e3)));
            row("  central-a RSS max during the fail-over (MB)", String.format("%.0f", centralA.takeMaxMb()));

            // 4. Heartbeats on the survivor.
            swarm.send("MEASURE " + SECONDS + " after");
            heartbeatRows("on central-a after the fail-over", swarm.await("MEASURED", SECONDS + 60));
            row("central-a RSS max after the fail-over (MB)", String.format("%.0f", centralA.takeMaxMb()));
            row("leases held by central-a in PostgreSQL at the end",
                    postgres.psql("SELECT COUNT(*) FROM cp_leases WHERE central_id LIKE '" + a.name() + "/%'"));
            swarm.send("STOP");
            Map<String, String> result = swarm.await("RESULT", 60);
            notes.add("swarm totals: " + result);
            return allOnA != null && "true".equals(moved.get("all"));
        } finally {
            centralA.stop();
            swarm.kill();
        }
    }

    private void takeoverRows(long killedAt, Sample allOnA, List<Sample> takeover, Map<String, String> moved) {
        row("kill -9 central-b -> all of its CPs re-registered on central-a, swarm (ms)",
                "true".equals(moved.get("all")) ? Long.toString(Long.parseLong(moved.get("last_ms")) - killedAt)
                        : "not all: " + moved.get("moved") + " of " + CPS);
        row("kill -9 central-b -> all 2N ACTIVE and held by central-a, API (ms)",
                allOnA == null ? "not within " + TIMEOUT_SECONDS + " s" : Long.toString(allOnA.atMs()));
        row("  B's CPs: first link lost / first re-registered on A (ms after the kill)",
                (Long.parseLong(moved.get("first_lost_ms")) - killedAt) + " / " + (Long.parseLong(moved.get("first_ms")) - killedAt));
        row("  B's CPs held by central-a (API): first / half / all (ms after the kill)",
                firstAt(takeover, s -> s.activeOnA() > CPS) + " / " + firstAt(takeover, s -> s.activeOnA() >= CPS + CPS / 2)
                        + " / " + firstAt(takeover, s -> s.activeOnA() >= 2 * CPS));
        row("  most CPs DISCONNECTED / ACTIVE held by nobody at one poll",
                takeover.stream().mapToInt(Sample::disconnected).max().orElse(0) + " / "
                        + takeover.stream().mapToInt(Sample::activeHeldByNobody).max().orElse(0));
        row("  links lost after the kill: B's CPs / A's CPs", moved.get("lost_b") + " / " + moved.get("lost_a"));
        long timedOut = Long.parseLong(moved.get("connect_timeouts"));
        row("  connection attempts refused / timed out (5 s); refusals by Central",
                (Long.parseLong(moved.get("connect_failures")) - timedOut) + " / " + timedOut + "; " + moved.get("refusals"));
        row("  API polls every " + POLL.toMillis() + " ms: slowest answer (ms)",
                Long.toString(takeover.stream().mapToLong(Sample::tookMs).max().orElse(0)));
        StringBuilder timeline = new StringBuilder("take-over as central-a's API showed it (ms after the kill: ACTIVE on A / on B / DISCONNECTED):");
        int last = -1;
        for (Sample s : takeover) {
            if (s.activeOnA() != last) {
                timeline.append(String.format(" %d: %d/%d/%d;", s.atMs(), s.activeOnA(), s.activeOnB(), s.disconnected()));
                last = s.activeOnA();
            }
        }
        notes.add(timeline.toString());
    }

    private static String firstAt(List<Sample> samples, Predicate<Sample> reached) {
        return samples.stream().filter(reached).findFirst().map(s -> Long.toString(s.atMs())).orElse("-");
    }

    private void heartbeatRows(String when, Map<String, String> measured) {
        row("heartbeat RTT p50 / p99 " + when + " (us)", measured.get("hb_p50_us") + " / " + measured.get("hb_p99_us"));
        row("  heartbeats sent / replies", measured.get("hb_sent") + " / " + measured.get("hb_replies"));
    }

    /**
     * Polls central-a's list of CPs until {@code reached}, recording every answer (times in ms after
     * {@code sinceMs}) in {@code samples}; null when not reached within the timeout. An answer that
     * times out while Central is busy is only a lost poll.
     */
    private static Sample pollUntil(AdminApi api, long sinceMs, Predicate<Sample> reached, List<Sample> samples) {
        try {
            return await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).pollDelay(Duration.ZERO).pollInterval(POLL)
                    .ignoreExceptions().until(() -> {
                        Sample sample = sample(api, sinceMs);
                        samples.add(sample);
                        return sample;
                    }, reached);
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }

    private static Sample sample(AdminApi api, long sinceMs) throws Exception {
        long asked = System.currentTimeMillis();
        HttpResponse<String> answer = api.get("charging-points");
        long answered = System.currentTimeMillis();
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET charging-points: " + answer.statusCode());
        }
        int onA = 0;
        int onB = 0;
        int nobody = 0;
        int disconnected = 0;
        for (JsonNode cp : AdminApi.json(answer)) {
            String state = cp.path("state").asText();
            String central = cp.path("central").asText("");
            if (state.equals("ACTIVE")) {
                if (central.startsWith("central-a/")) {
                    onA++;
                } else if (central.startsWith("central-b/")) {
                    onB++;
                } else {
                    nobody++;
                }
            } else if (state.equals("DISCONNECTED")) {
                disconnected++;
            }
        }
        return new Sample(answered - sinceMs, onA, onB, nobody, disconnected, answered - asked);
    }

    /** How many lines of the Central's console log contain {@code text}. */
    private static long logLines(ClusteredCentral central, String text) throws IOException {
        try (Stream<String> lines = Files.lines(central.server().consoleLog(), StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    private void row(String figure, String value) {
        rows.add(new String[] {figure, value});
    }

    private String report(double[] loadAtStart, double[] loadAtEnd) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Fail-over benchmark: 2 Centrals (cluster mode, PostgreSQL, one Kafka broker), 2 x %d CPs"
                        + " (Monitors knowing a,b or b,a; heartbeat every %d s), kill -9 of central-b, %d s heartbeat windows%n",
                CPS, HEARTBEAT_SECONDS, SECONDS));
        s.append(String.format("machine: nproc=%d, memory=%s, load average at start %.2f %.2f %.2f, at end %.2f %.2f %.2f%n",
                Runtime.getRuntime().availableProcessors(), ProcessMeter.memTotal(), loadAtStart[0], loadAtStart[1],
                loadAtStart[2], loadAtEnd[0], loadAtEnd[1], loadAtEnd[2]));
        s.append(String.format("%-78s %s%n", "figure (one run; N = " + CPS + ")", "value"));
        for (String[] row : rows) {
            s.append(String.format("%-78s %s%n", row[0], row[1]));
        }
        notes.forEach(note -> s.append(note).append('\n'));
        return s.toString();
    }
}
