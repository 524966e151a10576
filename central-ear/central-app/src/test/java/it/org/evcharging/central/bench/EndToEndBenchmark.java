package it.org.evcharging.central.bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.org.evcharging.central.support.CentralFixture;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.evcharging.api.Topics;
import org.junit.jupiter.api.Test;

/**
 * The whole path, measured (issue 12): N simulated CPs ({@link CpSwarm}, real TCP, own JVM) and M
 * simulated drivers ({@link DriverSwarm}, real Kafka, own JVM) against a real Central and broker,
 * and, in the same run, against the physical floor ({@link BaselineRelay}: consume the request,
 * write the start frame, no logic, no database). Repeated {@code bench.e2e.runs} times, alternating;
 * min/median/max over the runs. Not part of {@code verify}:
 * {@code ./mvnw -B -o -pl central-ear/central-app -am verify -Pbenchmark -Dit.test=EndToEndBenchmark
 * -Dbench.e2e.cps=1000 -Dbench.e2e.drivers=200}. Report: target/benchmark/end-to-end.txt.
 */
class EndToEndBenchmark {

    private static final int CPS = Integer.getInteger("bench.e2e.cps", 200);
    private static final int DRIVERS = Integer.getInteger("bench.e2e.drivers", 20);
    private static final int RUNS = Integer.getInteger("bench.e2e.runs", 3);
    private static final int MEASURE_SECONDS = Integer.getInteger("bench.e2e.seconds", 20);
    private static final int BLAST_SECONDS = Integer.getInteger("bench.e2e.blast.seconds", 5);
    private static final int CHARGE_SECONDS = Integer.getInteger("bench.e2e.charge.seconds", 3);
    private static final String PREFIX = "bench_";
    private static final String CENTRAL_DATA_GROUP = "central_charging_data_group";

    /** The figures of one run of one target. */
    static final class Run {
        final Map<String, Double> figures = new LinkedHashMap<>();
        String hops = "";

        double get(String key) {
            return figures.getOrDefault(key, Double.NaN);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private Path work;

    @Test
    void wholePath() throws Exception {
        List<Run> baseline = new ArrayList<>();
        List<Run> central = new ArrayList<>();
        double[] load = new double[3];
        try (CentralFixture system = CentralFixture.start(EndToEndBenchmark.class, Map.of("CP_AUTO_AUTHORIZE", "true"))) {
            work = system.workDir().resolve("bench");
            Files.createDirectories(work);
            String bootstrap = system.kafka().bootstrapServers();
            createBaselineTopics(bootstrap);
            long centralPid = ProcessMeter.libertyPid("");
            for (int run = 1; run <= RUNS; run++) {
                baseline.add(runBaseline(bootstrap, run));
                central.add(runCentral(system, bootstrap, run, centralPid));
            }
            load = ProcessMeter.loadAverage();
        } finally {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        }
        String report = report(baseline, central, load);
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "end-to-end.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(central.get(central.size() - 1).get("requests")).as("the run measured something").isPositive();
    }

    // ---------------------------------------------------------------- one run per target

    private Run runBaseline(String bootstrap, int run) throws Exception {
        String group = "bench_baseline_telemetry_" + run + "_" + System.currentTimeMillis();
        ChildJvm relay = ChildJvm.start("relay", "@TELEMETRY", BaselineRelay.class, bootstrap, "bench_" + Topics.DRIVER_CHARGE_REQUESTS,
                "bench_" + Topics.DRIVER_RESPONSES, "bench_" + Topics.CHARGING_SESSION_DATA, group);
        try {
            int port = Integer.parseInt(relay.awaitPlain("PORT ", 60).substring(5).trim());
            return measure("baseline", run, bootstrap, port, "bench_", group, relay.process.pid(), null, relay);
        } finally {
            relay.kill();
        }
    }

    private Run runCentral(CentralFixture system, String bootstrap, int run, long pid) throws Exception {
        return measure("central", run, bootstrap, system.acceptorPort(), "", CENTRAL_DATA_GROUP, pid,
                system.central().baseUri(), null);
    }

    private Run measure(String target, int run, String bootstrap, int port, String topicPrefix, String dataGroup,
                        long pid, URI central, ChildJvm relay) throws Exception {
        String cpPrefix = PREFIX + target.charAt(0) + run + "_cp_";
        Path startsFile = work.resolve(target + "-" + run + "-cp.txt");
        Path requestsFile = work.resolve(target + "-" + run + "-drivers.txt");
        Run result = new Run();
        ChildJvm cps = ChildJvm.start("cps-" + target, CpSwarm.class, "localhost", Integer.toString(port),
                Integer.toString(CPS), cpPrefix, bootstrap, topicPrefix + Topics.CHARGING_SESSION_DATA,
                topicPrefix + Topics.CHARGING_SESSION_COMPLETE, Integer.toString(MEASURE_SECONDS),
                Integer.toString(BLAST_SECONDS), Integer.toString(CHARGE_SECONDS), startsFile.toString());
        ChildJvm drivers = null;
        ProcessMeter rss = new ProcessMeter(pid);
        try {
            Map<String, String> ready = cps.await("READY", 360);
            result.figures.put("register_ms", Double.parseDouble(ready.get("register_ms")));
            result.figures.put("registered", Double.parseDouble(ready.get("registered")));
            drivers = ChildJvm.start("drivers-" + target, DriverSwarm.class, bootstrap,
                    topicPrefix + Topics.DRIVER_CHARGE_REQUESTS, topicPrefix + Topics.DRIVER_RESPONSES,
                    Integer.toString(DRIVERS), PREFIX + target.charAt(0) + run + "_driver_", cpPrefix,
                    Integer.toString(CPS), Integer.toString(MEASURE_SECONDS),
                    Integer.toString(BLAST_SECONDS + CHARGE_SECONDS + 20), requestsFile.toString());
            drivers.await("READY", 120);
            if (central != null) {
                delete(central, "/api/metrics/charge-request");
            }
            rss.start();
            long cpu0 = ProcessMeter.cpuTicks(pid);
            long wall0 = System.nanoTime();
            cps.send("GO");
            drivers.send("GO");
            Map<String, String> blastStart = cps.await("BLAST_START", MEASURE_SECONDS + 120);
            long cpu1 = ProcessMeter.cpuTicks(pid);
            long wall1 = System.nanoTime();
            result.figures.put("cpu_cores", (cpu1 - cpu0) / 100.0 / ((wall1 - wall0) / 1e9));
            if (central != null) {
                result.hops = get(central, "/api/metrics/charge-request");
            }
            long blastStartMs = Long.parseLong(blastStart.get("ms"));
            long committedAtStart = relay != null ? 0 : committed(bootstrap, dataGroup);
            Map<String, String> blastEnd = cps.await("BLAST_END", BLAST_SECONDS + 120);
            long blasted = Long.parseLong(blastEnd.get("records"));
            double rate;
            if (relay != null) {
                rate = telemetryRate(relay, blastStartMs, blasted);
            } else {
                // Drained when the group committed the topic's end as it was when the blast ended. (Not "the
                // offsets at the blast's start plus the blast": a reader faster than the first poll of the
                // offsets had committed part of the blast already, and that target was never reached.)
                long target0 = endOffsets(bootstrap);
                long drainedMs = System.currentTimeMillis();
                long drainDeadline = System.currentTimeMillis() + 90_000;
                long last = committedAtStart;
                while (System.currentTimeMillis() < drainDeadline) {
                    last = committed(bootstrap, dataGroup);
                    drainedMs = System.currentTimeMillis();
                    if (last >= target0) {
                        break;
                    }
                    TimeUnit.MILLISECONDS.sleep(100);
                }
                long drained = last >= target0 ? blasted : Math.max(0, blasted - (target0 - last));
                rate = drained / ((drainedMs - blastStartMs) / 1e3);
            }
            if (cps.process.isAlive()) {
                cps.send("COMPLETE");
            }
            result.figures.put("telemetry_per_s", blasted == 0 ? 0 : rate);
            result.figures.put("telemetry_blasted", (double) blasted);
            Map<String, String> cpResult = cps.await("RESULT", 120);
            Map<String, String> driverResult = drivers.await("RESULT", BLAST_SECONDS + CHARGE_SECONDS + 120);
            rss.stop();
            result.figures.put("rss_mb", rss.takeMaxMb());
            result.figures.put("hb_p50_us", Double.parseDouble(cpResult.get("hb_p50_us")));
            result.figures.put("hb_p99_us", Double.parseDouble(cpResult.get("hb_p99_us")));
            result.figures.put("hb_replies", Double.parseDouble(cpResult.get("hb_replies")));
            result.figures.put("hb_sent", Double.parseDouble(cpResult.get("hb_sent")));
            result.figures.put("cp_failures", Double.parseDouble(cpResult.get("failures")));
            result.figures.put("links_lost", Double.parseDouble(cpResult.get("links_lost")));
            result.figures.put("requests", Double.parseDouble(driverResult.get("requests")));
            latencies(startsFile, requestsFile, result);
        } finally {
            rss.stop();
            cps.kill();
            if (drivers != null) {
                drivers.kill();
            }
        }
        System.out.printf("[bench] %s run %d: %s%n%s", target, run, result.figures, central == null ? "" : hopTable(result.hops));
        return result;
    }

    /** Joins the CPs' start/end times with the drivers' request times by session id. */
    private static void latencies(Path startsFile, Path requestsFile, Run result) throws IOException {
        Map<String, Long> started = new HashMap<>();
        Map<String, Long> ended = new HashMap<>();
        for (String line : Files.readAllLines(startsFile)) {
            String[] f = line.split(" ");
            (f[0].equals("S") ? started : ended).put(f[1], Long.parseLong(f[2]));
        }
        List<Long> toStart = new ArrayList<>();
        List<Long> toResponse = new ArrayList<>();
        List<Long> toTicket = new ArrayList<>();
        List<Long> completionToTicket = new ArrayList<>();
        int refused = 0;
        int unanswered = 0;
        int noStart = 0;
        for (String line : Files.readAllLines(requestsFile)) {
            String[] f = line.split(" ");
            long sent = Long.parseLong(f[3]);
            long response = Long.parseLong(f[4]);
            long ticket = Long.parseLong(f[5]);
            if (response == 0) {
                unanswered++;
                continue;
            }
            if (f[2].equals("refused")) {
                refused++;
                continue;
            }
            toResponse.add(response - sent);
            Long start = started.get(f[1]);
            if (start == null) {
                noStart++;
            } else {
                toStart.add(start - sent);
            }
            if (ticket != 0) {
                toTicket.add(ticket - sent);
                Long end = ended.get(f[1]);
                if (end != null) {
                    completionToTicket.add(ticket - end);
                }
            }
        }
        result.figures.put("refused", (double) refused);
        result.figures.put("unanswered", (double) unanswered);
        result.figures.put("no_start", (double) noStart);
        put(result, "start", toStart);
        put(result, "response", toResponse);
        put(result, "ticket", toTicket);
        put(result, "completion_ticket", completionToTicket);
    }

    private static void put(Run result, String name, List<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        result.figures.put(name + "_n", (double) sorted.length);
        result.figures.put(name + "_p50_ms", CpSwarm.pct(sorted, 0.50) / 1000.0);
        result.figures.put(name + "_p99_ms", CpSwarm.pct(sorted, 0.99) / 1000.0);
    }

    // ---------------------------------------------------------------- the report

    private static final String[][] ROWS = {
            {"request -> start at CP p50 (ms)", "start_p50_ms"},
            {"request -> start at CP p99 (ms)", "start_p99_ms"},
            {"request -> response p50 (ms)", "response_p50_ms"},
            {"request -> response p99 (ms)", "response_p99_ms"},
            {"request -> ticket p50 (ms)*", "ticket_p50_ms"},
            {"request -> ticket p99 (ms)*", "ticket_p99_ms"},
            {"completion -> ticket p50 (ms)", "completion_ticket_p50_ms"},
            {"completion -> ticket p99 (ms)", "completion_ticket_p99_ms"},
            {"heartbeat RTT p50 (us)", "hb_p50_us"},
            {"heartbeat RTT p99 (us)", "hb_p99_us"},
            {"telemetry consumed (rec/s)", "telemetry_per_s"},
            {"register+activate N CPs (ms)", "register_ms"},
            {"server CPU (cores, window)", "cpu_cores"},
            {"server RSS max (MB)", "rss_mb"},
            {"charge requests sent", "requests"},
            {"  refused / unanswered / no start", null},
            {"heartbeats sent / replies", null},
            {"CP links closed by the server", "links_lost"},
    };

    private String report(List<Run> baseline, List<Run> central, double[] load) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("End-to-end benchmark: %d CPs (heartbeat 1/s, metering 1/s socket + Kafka while charging,"
                        + " %d s charges), %d drivers, %d s window + %d s telemetry blast, %d runs%n",
                CPS, CHARGE_SECONDS, DRIVERS, MEASURE_SECONDS, BLAST_SECONDS, RUNS));
        s.append(String.format("machine: nproc=%d, memory=%s, load average at end %.2f %.2f %.2f%n",
                Runtime.getRuntime().availableProcessors(), ProcessMeter.memTotal(), load[0], load[1], load[2]));
        s.append(String.format("%-36s %-26s %-26s %s%n", "figure (min / median / max over runs)", "baseline", "Central",
                "Central/baseline (medians)"));
        for (String[] row : ROWS) {
            if (row[1] == null) {
                if (row[0].contains("refused")) {
                    s.append(String.format("%-36s %-26s %-26s%n", row[0], triple(baseline, "refused", "unanswered", "no_start"),
                            triple(central, "refused", "unanswered", "no_start")));
                } else {
                    s.append(String.format("%-36s %-26s %-26s%n", row[0], pair(baseline), pair(central)));
                }
                continue;
            }
            double b = median(baseline, r -> r.get(row[1]));
            double c = median(central, r -> r.get(row[1]));
            s.append(String.format("%-36s %-26s %-26s x%.2f%n", row[0], range(baseline, row[1]), range(central, row[1]),
                    c / b));
        }
        s.append("* request -> ticket includes the simulated charge (").append(CHARGE_SECONDS)
                .append(" s, completion on the CP's 1 s tick) and, for sessions held during the blast, the blast.\n");
        s.append("Telemetry: Kafka charging_session_data records consumed per second while a backlog lasted"
                + " (consumer-group offsets); Central keeps the latest reading per session and persists it every"
                + " telemetry.flush.ms.\n\n");
        s.append("Central per-hop breakdown of charge requests, measuring window of each run (GET /api/metrics/charge-request, us):\n");
        for (int i = 0; i < central.size(); i++) {
            s.append("run ").append(i + 1).append(":\n").append(hopTable(central.get(i).hops));
        }
        return s.toString();
    }

    private static String hopTable(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            StringBuilder s = new StringBuilder(String.format("  %-18s %8s %8s %8s %8s %8s %8s  %s%n", "hop", "count",
                    "mean", "p50", "p90", "p99", "max", ""));
            root.fields().forEachRemaining(e -> s.append(String.format("  %-18s %8d %8d %8d %8d %8d %8d  %s%n", e.getKey(),
                    e.getValue().path("count").asLong(), e.getValue().path("mean_us").asLong(),
                    e.getValue().path("p50_us").asLong(), e.getValue().path("p90_us").asLong(),
                    e.getValue().path("p99_us").asLong(), e.getValue().path("max_us").asLong(),
                    e.getValue().path("hop").asText())));
            return s.toString();
        } catch (IOException | RuntimeException e) {
            return "  (no breakdown: " + e + ")\n";
        }
    }

    private static String range(List<Run> runs, String key) {
        double[] v = runs.stream().mapToDouble(r -> r.get(key)).sorted().toArray();
        return String.format("%s / %s / %s", fmt(v[0]), fmt(median(v)), fmt(v[v.length - 1]));
    }

    private static String triple(List<Run> runs, String a, String b, String c) {
        return String.format("%.0f / %.0f / %.0f", runs.stream().mapToDouble(r -> r.get(a)).sum(),
                runs.stream().mapToDouble(r -> r.get(b)).sum(), runs.stream().mapToDouble(r -> r.get(c)).sum());
    }

    private static String pair(List<Run> runs) {
        return String.format("%.0f / %.0f", runs.stream().mapToDouble(r -> r.get("hb_sent")).sum(),
                runs.stream().mapToDouble(r -> r.get("hb_replies")).sum());
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format("%.0f", v) : String.format("%.2f", v);
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> f) {
        return median(runs.stream().mapToDouble(f).sorted().toArray());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    // ---------------------------------------------------------------- plumbing

    private static void createBaselineTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = Topics.ALL.stream().map(t -> new NewTopic("bench_" + t, 3, (short) 1)).toList();
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    private Admin admin;

    /** Sum over partitions of the group's committed offsets on its telemetry topic. */
    /** The sum of the log-end offsets of charging_session_data's partitions. */
    private long endOffsets(String bootstrap) throws Exception {
        admin(bootstrap);
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.CHARGING_SESSION_DATA)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(Topics.CHARGING_SESSION_DATA).partitions().stream()
                .map(p -> new TopicPartition(Topics.CHARGING_SESSION_DATA, p.partition())).toList();
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(p -> latest.put(p, org.apache.kafka.clients.admin.OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(o -> o.offset()).sum();
    }

    private void admin(String bootstrap) {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        }
    }

    private long committed(String bootstrap, String group) throws Exception {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().endsWith(Topics.CHARGING_SESSION_DATA))
                .filter(e -> e.getValue() != null).mapToLong(e -> e.getValue().offset()).sum();
    }

    private String get(URI base, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", basic()).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private void delete(URI base, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", basic()).DELETE().build();
        http.send(request, HttpResponse.BodyHandlers.discarding());
    }

    private static String basic() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((CentralFixture.OPERATOR_USER + ":"
                + CentralFixture.OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The relay's consumption of the flood: from its "@TELEMETRY parsed=N ms=T" lines, records
     * parsed since the flood began over the time until it parsed all of them (or stopped moving).
     */
    static double telemetryRate(ChildJvm relay, long blastStartMs, long blasted) throws InterruptedException {
        long first = -1;
        long lastCount = -1;
        long lastMs = blastStartMs;
        long quietSince = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(3)) {
            String line = relay.lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null || !line.startsWith("@TELEMETRY")) {
                continue;
            }
            String[] f = line.split(" ");
            long count = Long.parseLong(f[1].substring("parsed=".length()));
            long ms = Long.parseLong(f[2].substring("ms=".length()));
            if (ms <= blastStartMs) {
                first = count;
                continue;
            }
            if (first < 0) {
                first = 0;
            }
            if (count != lastCount) {
                lastCount = count;
                lastMs = ms;
                quietSince = System.nanoTime();
            }
            if (count - first >= blasted) {
                break;
            }
        }
        return lastCount < 0 ? 0 : Math.min(blasted, lastCount - first) / Math.max(0.001, (lastMs - blastStartMs) / 1e3);
    }
}
