package it.org.evcharging.central.bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.org.evcharging.central.support.CentralFixture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * How many Monitors Central's gateway holds, each heartbeating once a second, on this machine. Not
 * part of {@code verify}: run {@code ./mvnw -pl central-ear/central-app -am verify -Pbenchmark
 * -Dbench.cps=10000}. The baseline, measured in the same run, is the same swarm against a bare
 * frame server in its own JVM ({@link EchoServer}) that answers without any of Central's logic: the
 * ratio is what Central's work costs.
 */
class GatewayBenchmark {

    private static final int CPS = Integer.getInteger("bench.cps", 2_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final long PERIOD_MS = Long.getLong("bench.period.ms", 1_000);

    @Test
    void heartbeatSwarm() throws Exception {
        HeartbeatSwarm.Result baseline = runAgainstEchoServer();
        HeartbeatSwarm.Result central;
        try (CentralFixture system = CentralFixture.start(GatewayBenchmark.class, Map.of("CP_AUTO_AUTHORIZE", "true"))) {
            central = new HeartbeatSwarm(new InetSocketAddress("localhost", system.acceptorPort()), CPS)
                    .run(SECONDS, PERIOD_MS, 300_000);
        }
        String report = String.format("""
                Gateway benchmark: %d Monitors, one heartbeat each per %d ms, %d s
                                       setup(ms)   sent      replies   replies/s   p50(us)   p99(us)   failures
                baseline (bare echo)   %9d   %8d  %8d  %10.0f  %8d  %8d  %8d
                Central                %9d   %8d  %8d  %10.0f  %8d  %8d  %8d
                Central / baseline:    replies/s x%.2f, p50 x%.1f, p99 x%.1f
                """, CPS, PERIOD_MS, SECONDS,
                baseline.setupMillis(), baseline.heartbeatsSent(), baseline.repliesReceived(), baseline.repliesPerSecond(),
                baseline.p50Micros(), baseline.p99Micros(), baseline.failures(),
                central.setupMillis(), central.heartbeatsSent(), central.repliesReceived(), central.repliesPerSecond(),
                central.p50Micros(), central.p99Micros(), central.failures(),
                central.repliesPerSecond() / baseline.repliesPerSecond(),
                (double) central.p50Micros() / Math.max(1, baseline.p50Micros()),
                (double) central.p99Micros() / Math.max(1, baseline.p99Micros()));
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "gateway.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(central.repliesReceived()).as("the run measured something").isPositive();
    }

    private static HeartbeatSwarm.Result runAgainstEchoServer() throws IOException, InterruptedException {
        Process echo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EchoServer.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(echo.getInputStream(), StandardCharsets.UTF_8))) {
            int port = Integer.parseInt(out.readLine().substring("PORT ".length()));
            return new HeartbeatSwarm(new InetSocketAddress("localhost", port), CPS).run(SECONDS, PERIOD_MS, 300_000);
        } finally {
            echo.destroyForcibly().waitFor();
        }
    }
}
