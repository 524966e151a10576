package it.org.evcharging.central.bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.org.evcharging.central.support.CentralFixture;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * How many OCPP 1.6J chargers Central holds over WebSocket, each heartbeating once per period: N
 * chargers (JDK WebSocket clients sharing one HttpClient) connect, boot (new chargers are
 * authorized automatically here), then send Heartbeat CALLs, one outstanding at a time as OCPP-J
 * requires. Not part of {@code verify}: {@code ./mvnw -pl central-ear/central-app -am verify -Pbenchmark
 * -Dit.test=OcppBenchmark -Dbench.ocpp.cps=1000}. Report: target/benchmark/ocpp.txt.
 */
class OcppBenchmark {

    private static final int CHARGERS = Integer.getInteger("bench.ocpp.cps", 1_000);
    private static final int SECONDS = Integer.getInteger("bench.ocpp.seconds", 20);
    private static final long PERIOD_MS = Long.getLong("bench.ocpp.period.ms", 1_000);
    private static final int CONNECT_BATCH = 50;

    @Test
    void heartbeatSwarm() throws Exception {
        String report;
        try (CentralFixture system = CentralFixture.start(OcppBenchmark.class, Map.of("CP_AUTO_AUTHORIZE", "true"))) {
            URI base = system.central().baseUri();
            report = new Swarm(URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ocpp/")).run();
        }
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "ocpp.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** The chargers and what they measured. */
    private static final class Swarm {

        private final URI endpoint;
        private final HttpClient http = HttpClient.newHttpClient();
        private final List<Charger> chargers = new ArrayList<>();
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong replies = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong skipped = new AtomicLong();
        private final AtomicLong unexpected = new AtomicLong();
        private volatile boolean measuring;

        Swarm(URI endpoint) {
            this.endpoint = endpoint;
        }

        String run() throws Exception {
            long setupStart = System.nanoTime();
            for (int first = 0; first < CHARGERS; first += CONNECT_BATCH) {
                List<CompletableFuture<?>> batch = new ArrayList<>();
                for (int i = first; i < Math.min(CHARGERS, first + CONNECT_BATCH); i++) {
                    Charger charger = new Charger(String.format("bench_ocpp_%05d", i));
                    chargers.add(charger);
                    batch.add(charger.connectAndBoot());
                }
                CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            }
            long accepted = chargers.stream().filter(c -> c.accepted).count();
            long setupMillis = (System.nanoTime() - setupStart) / 1_000_000;
            assertThat(accepted).as("chargers whose boot was accepted").isEqualTo(CHARGERS);

            ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
            measuring = true;
            long start = System.nanoTime();
            for (int i = 0; i < chargers.size(); i++) {
                Charger charger = chargers.get(i);
                clock.scheduleAtFixedRate(charger::heartbeat, PERIOD_MS * i / chargers.size(), PERIOD_MS, TimeUnit.MILLISECONDS);
            }
            clock.awaitTermination(SECONDS, TimeUnit.SECONDS);
            clock.shutdownNow();
            double seconds = (System.nanoTime() - start) / 1e9;
            measuring = false;
            long stillOpen = chargers.stream().filter(c -> !c.socket.isInputClosed()).count();
            chargers.forEach(Charger::close);

            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            String report = String.format("""
                    OCPP benchmark: %d OCPP 1.6J chargers over WebSocket, one Heartbeat CALL each per %d ms, %d s
                    setup (connect + BootNotification accepted): %d ms
                    heartbeats sent %d, answered %d (%.0f/s), CALLERRORs %d, not sent while one was outstanding %d, frames answering nothing %d
                    latency p50 %d us, p99 %d us, max %d us; connections still open at the end: %d of %d
                    """, CHARGERS, PERIOD_MS, SECONDS, setupMillis, sent.get(), replies.get(), replies.get() / seconds,
                    errors.get(), skipped.get(), unexpected.get(), percentile(sorted, 0.50), percentile(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1_000, stillOpen, CHARGERS);
            assertThat(replies.get()).as("the run measured something").isPositive();
            assertThat(stillOpen).as("no charger was dropped").isEqualTo(CHARGERS);
            return report;
        }

        private static long percentile(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1_000;
        }

        /** One charger: a WebSocket and its one outstanding CALL. */
        private final class Charger implements WebSocket.Listener {

            private final String id;
            private final StringBuilder partial = new StringBuilder();
            private final CompletableFuture<Void> booted = new CompletableFuture<>();
            private WebSocket socket;
            private volatile long outstandingSince;
            private volatile boolean accepted;
            private long calls;

            Charger(String id) {
                this.id = id;
            }

            CompletableFuture<Void> connectAndBoot() {
                return http.newWebSocketBuilder().subprotocols("ocpp1.6").connectTimeout(Duration.ofSeconds(60))
                        .buildAsync(endpoint.resolve(id), this)
                        .thenCompose(ws -> {
                            socket = ws;
                            outstandingSince = System.nanoTime();
                            return ws.sendText("[2,\"boot\",\"BootNotification\",{\"chargePointVendor\":\"Bench\","
                                    + "\"chargePointModel\":\"Swarm\"}]", true);
                        })
                        .thenCompose(ws -> booted);
            }

            synchronized void heartbeat() {
                if (outstandingSince != 0) {
                    skipped.incrementAndGet();
                    return;
                }
                outstandingSince = System.nanoTime();
                sent.incrementAndGet();
                socket.sendText("[2,\"hb" + (++calls) + "\",\"Heartbeat\",{}]", true);
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    answered(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            private void answered(String frame) {
                long since = outstandingSince;
                long latency = System.nanoTime() - since;
                outstandingSince = 0;
                if (since == 0) {
                    unexpected.incrementAndGet();
                    return;
                }
                if (frame.startsWith("[3,\"boot\"")) {
                    accepted = frame.contains("\"Accepted\"");
                    booted.complete(null);
                } else if (frame.startsWith("[3,")) {
                    if (measuring) {
                        replies.incrementAndGet();
                        latencies.add(latency);
                    }
                } else {
                    errors.incrementAndGet();
                }
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                booted.completeExceptionally(error);
            }

            void close() {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        }
    }
}
