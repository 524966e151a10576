package it.org.evcharging.central.bench;

import it.org.evcharging.central.support.SimulatedSupply;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.api.protocol.FrameDecoder;
import org.evcharging.api.protocol.FrameEncoder;
import org.evcharging.api.protocol.FrameListener;
import org.evcharging.api.protocol.FrameRejection;

/**
 * The end-to-end benchmark's charging points, in their own JVM: N Monitors+Engines on one selector
 * thread over real TCP. Each authenticates and registers (timed until the last register_response),
 * then, after {@code GO} on stdin, heartbeats once per period (RTT recorded) and, when commanded to
 * start, meters every second over the socket AND on Kafka {@code charging_session_data} (the
 * duplicates Central must drop), then sends a {@code charge_completion} after the charge length.
 * After the measuring window it holds the sessions that run and floods Kafka with their readings
 * for the blast seconds (telemetry at saturation), then completes them and exits.
 *
 * <p>Control lines on stdout start with {@code @}. Start times of sessions (epoch µs, the clock
 * all JVMs of this machine share) go to the out file as "session_id epoch_us".
 *
 * <p>Args: host port count idPrefix bootstrap dataTopic completeTopic measureSeconds blastSeconds
 * chargeSeconds outFile
 */
public final class CpSwarm {

    /** The price every swarm CP registers with. */
    private static final double PRICE = 0.30;

    private final InetSocketAddress target;
    private final int count;
    private final String prefix;
    private final String dataTopic;
    private final String completeTopic;
    private final KafkaProducer<String, byte[]> producer;
    private final Selector selector = Selector.open();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
    private final List<Cp> cps = new ArrayList<>();
    private final Map<String, Cp> byId = new HashMap<>();
    private final List<String> starts = new ArrayList<>();
    private long[] latencies = new long[1 << 16];
    private int latencyCount;
    private boolean recordHeartbeats;
    private boolean holdSessions;
    private long registered;
    private long failures;
    private long hbSent;
    private long hbReplies;
    private long startsReceived;
    private long completionsSent;
    private long socketReadings;
    private long linksLost;
    private final AtomicLong kafkaReadings = new AtomicLong();

    private CpSwarm(InetSocketAddress target, int count, String prefix, String bootstrap, String dataTopic,
                    String completeTopic) throws IOException {
        this.target = target;
        this.count = count;
        this.prefix = prefix;
        this.dataTopic = dataTopic;
        this.completeTopic = completeTopic;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    public static void main(String[] a) throws Exception {
        CpSwarm swarm = new CpSwarm(new InetSocketAddress(a[0], Integer.parseInt(a[1])), Integer.parseInt(a[2]), a[3],
                a[4], a[5], a[6]);
        swarm.run(Integer.parseInt(a[7]), Integer.parseInt(a[8]), Integer.parseInt(a[9]), Path.of(a[10]));
        System.exit(0);
    }

    private static void say(String line) {
        System.out.println("@" + line);
        System.out.flush();
    }

    private static long epochMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private void run(int measureSeconds, int blastSeconds, int chargeSeconds, Path out) throws Exception {
        // 1. Authenticate and register every CP, as fast as Central lets us.
        long setupStart = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Cp cp = new Cp(String.format("%s%05d", prefix, i));
            cps.add(cp);
            byId.put(cp.id, cp);
            cp.connect();
            cp.send(AuthRequest.of(cp.id));
            // A long interval while the swarm sets up: silent links are rightly closed by Central.
            cp.send(RegisterRequest.of(cp.id, "Bench", PRICE, 3600));
            if (i % 200 == 0) {
                pump(0);
            }
        }
        long setupDeadline = System.nanoTime() + 300_000_000_000L;
        while (registered < count && System.nanoTime() < setupDeadline) {
            pump(20);
        }
        long registerMs = (System.nanoTime() - setupStart) / 1_000_000;
        say("READY registered=" + registered + " register_ms=" + registerMs);

        // 2. Wait for GO (the drivers are ready), heartbeating meanwhile so no link goes silent.
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Thread goReader = new Thread(() -> {
            try {
                in.readLine();
            } catch (IOException ignored) {
                // the orchestrator is gone: go anyway, the run is bounded
            }
        });
        goReader.setDaemon(true);
        goReader.start();
        long periodNanos = 1_000_000_000L;
        long[] next = new long[count];
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            next[i] = t0 + periodNanos * i / count;
        }
        long waitUntil = System.nanoTime() + 600_000_000_000L;
        while (goReader.isAlive() && System.nanoTime() < waitUntil) {
            tick(next, periodNanos, chargeSeconds);
            pump(1);
        }

        // 3. The measuring window.
        recordHeartbeats = true;
        long start = System.nanoTime();
        long measureEnd = start + measureSeconds * 1_000_000_000L;
        while (System.nanoTime() < measureEnd) {
            tick(next, periodNanos, chargeSeconds);
            pump(1);
        }
        recordHeartbeats = false;
        double measuredSeconds = (System.nanoTime() - start) / 1e9;

        // 4. Telemetry at saturation: hold the running sessions and flood Kafka with their readings.
        holdSessions = true;
        List<Cp> charging = cps.stream().filter(cp -> cp.supply != null).toList();
        long blastCount = 0;
        long blastStartMs = System.currentTimeMillis();
        say("BLAST_START ms=" + blastStartMs + " sessions=" + charging.size());
        if (!charging.isEmpty()) {
            Thread blaster = new Thread(() -> blast(charging, blastSeconds));
            blaster.start();
            while (blaster.isAlive()) {
                tick(next, periodNanos, chargeSeconds);
                pump(1);
            }
            blastCount = kafkaReadings.get();
        }
        producer.flush();
        say("BLAST_END ms=" + System.currentTimeMillis() + " records=" + blastCount);

        // 5. Hold the sessions until the orchestrator has seen the flood consumed (a reading of an
        // ended session is the slow "late telemetry" path, not what this measures), then complete
        // every session (tickets), let the replies drain, and leave.
        Thread completeReader = new Thread(() -> {
            try {
                in.readLine();
            } catch (IOException ignored) {
                // go on
            }
        });
        completeReader.setDaemon(true);
        completeReader.start();
        long holdUntil = System.nanoTime() + 120_000_000_000L;
        while (completeReader.isAlive() && System.nanoTime() < holdUntil) {
            tick(next, periodNanos, chargeSeconds);
            pump(1);
        }
        holdSessions = false;
        for (Cp cp : charging) {
            cp.complete();
        }
        producer.flush();
        long drainUntil = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < drainUntil) {
            tick(next, periodNanos, chargeSeconds);
            pump(5);
        }
        long[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            starts.forEach(w::println);
        }
        say(String.format("RESULT hb_sent=%d hb_replies=%d hb_p50_us=%d hb_p99_us=%d failures=%d starts=%d"
                        + " completions=%d socket_readings=%d links_lost=%d seconds=%.1f",
                hbSent, hbReplies, pct(sorted, 0.50) / 1000, pct(sorted, 0.99) / 1000, failures, startsReceived,
                completionsSent, socketReadings, linksLost, measuredSeconds));
        producer.close();
        for (Cp cp : cps) {
            cp.channel.close();
        }
    }

    private void blast(List<Cp> charging, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int i = 0;
        while (System.nanoTime() < end) {
            Cp cp = charging.get(i++ % charging.size());
            ChargingData data = cp.supply.meter(0.001);
            producer.send(new ProducerRecord<>(dataTopic, cp.id, MessageCodec.toBytes(data)));
            kafkaReadings.incrementAndGet();
        }
    }

    static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private void tick(long[] next, long periodNanos, int chargeSeconds) throws IOException {
        long now = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (next[i] <= now) {
                Cp cp = cps.get(i);
                if (recordHeartbeats) {
                    cp.pendingSince.addLast(now);
                    hbSent++;
                } else {
                    cp.pendingSince.addLast(0L);
                }
                cp.send(HeartbeatRequest.of(cp.id, 1));
                next[i] += periodNanos;
                // Metering rides on the same 1 s clock.
                if (cp.supply != null && !holdSessions) {
                    if (cp.supply.runningNanos() >= chargeSeconds * 1_000_000_000L) {
                        cp.complete();
                    } else {
                        cp.meter();
                    }
                }
            }
        }
    }

    private void pump(long timeoutMs) throws IOException {
        SwarmSelector.pump(selector, timeoutMs);
    }

    /** One simulated CP: its Monitor's connection to Central and its Engine's Kafka records. */
    private final class Cp implements FrameListener, SwarmSelector.Connection {

        final String id;
        final ArrayDeque<Long> pendingSince = new ArrayDeque<>();
        final ArrayDeque<ByteBuffer> outbound = new ArrayDeque<>();
        final FrameDecoder decoder = new FrameDecoder();
        SocketChannel channel;
        SelectionKey key;
        SimulatedSupply supply;
        boolean closed;

        Cp(String id) {
            this.id = id;
        }

        void connect() throws IOException {
            channel = SocketChannel.open(target);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
        }

        void meter() throws IOException {
            ChargingData data = supply.meter(11.0 / 3600);
            byte[] json = MessageCodec.toBytes(data);
            send(json);
            socketReadings++;
            producer.send(new ProducerRecord<>(dataTopic, id, json));
        }

        void complete() throws IOException {
            ChargeCompletion done = supply.complete(SessionEnding.UNPLUGGED);
            byte[] json = MessageCodec.toBytes(done);
            send(json);
            producer.send(new ProducerRecord<>(completeTopic, id, json));
            completionsSent++;
            starts.add("E " + supply.sessionId() + " " + epochMicros());
            supply = null;
        }

        void send(WireMessage message) throws IOException {
            send(MessageCodec.toBytes(message));
        }

        void send(byte[] json) throws IOException {
            if (closed) {
                return;
            }
            ByteBuffer frame = ByteBuffer.wrap(FrameEncoder.encode(json));
            if (outbound.isEmpty()) {
                try {
                    channel.write(frame);
                } catch (IOException e) {
                    lost();
                    return;
                }
            }
            if (frame.hasRemaining()) {
                outbound.add(frame);
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }

        /** Central closed the link (e.g. it found the CP silent): counted, never retried. */
        void lost() {
            if (!closed) {
                closed = true;
                linksLost++;
                failures++;
                key.cancel();
            }
        }

        @Override
        public void flush() throws IOException {
            while (!outbound.isEmpty() && !closed) {
                try {
                    channel.write(outbound.peek());
                } catch (IOException e) {
                    lost();
                    return;
                }
                if (outbound.peek().hasRemaining()) {
                    return;
                }
                outbound.poll();
            }
            key.interestOps(SelectionKey.OP_READ);
        }

        @Override
        public void read() throws IOException {
            if (!SwarmSelector.readAvailable(channel, readBuffer)) {
                lost();
                return;
            }
            decoder.feed(readBuffer, this);
        }

        @Override
        public void onFrame(byte[] payload) {
            if (!(MessageCodec.parse(payload) instanceof ParseResult.Parsed parsed)) {
                return;
            }
            WireMessage message = parsed.message();
            if (message instanceof StartChargingCommand start) {
                starts.add("S " + start.sessionId() + " " + epochMicros());
                startsReceived++;
                supply = new SimulatedSupply(id, start.sessionId(), start.driverId(), PRICE);
                return;
            }
            if (!(message instanceof Response response)) {
                return;
            }
            switch (response.type()) {
                case "register_response" -> {
                    if (response.succeeded()) {
                        registered++;
                    } else {
                        failures++;
                    }
                }
                case "heartbeat_response" -> {
                    Long since = pendingSince.pollFirst();
                    if (!response.succeeded()) {
                        failures++;
                    } else if (since != null && since != 0L) {
                        hbReplies++;
                        if (latencyCount == latencies.length) {
                            latencies = Arrays.copyOf(latencies, latencies.length * 2);
                        }
                        latencies[latencyCount++] = System.nanoTime() - since;
                    }
                }
                default -> {
                    // charging_data / charge_completion / auth replies: nothing to measure
                }
            }
        }

        @Override
        public void onRejected(FrameRejection rejection) {
            failures++;
        }
    }
}
