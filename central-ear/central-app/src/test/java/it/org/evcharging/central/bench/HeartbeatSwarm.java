package it.org.evcharging.central.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.protocol.FrameDecoder;
import org.evcharging.api.protocol.FrameEncoder;
import org.evcharging.api.protocol.FrameListener;
import org.evcharging.api.protocol.FrameRejection;

/**
 * Many simulated Monitors on one selector thread: each authenticates, registers, then heartbeats
 * once per period; replies are counted and their latencies recorded. Used against Central and
 * against a bare echo server (the baseline) in the same run.
 */
final class HeartbeatSwarm {

    /** What one run measured. */
    record Result(int connections, long setupMillis, long heartbeatsSent, long repliesReceived, long failures,
                  double seconds, long p50Micros, long p99Micros) {

        double repliesPerSecond() {
            return repliesReceived / seconds;
        }
    }

    private static final int SETUP_HEARTBEAT_SECONDS = 3600;

    private final InetSocketAddress target;
    private final int count;
    private final Selector selector;
    private final List<SimulatedMonitor> monitors = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private long[] latencies = new long[1 << 20];
    private int latencyCount;
    private long replies;
    private long failures;

    HeartbeatSwarm(InetSocketAddress target, int count) throws IOException {
        this.target = target;
        this.count = count;
        this.selector = Selector.open();
    }

    /** Connects every Monitor, registers it (until {@code setupTimeoutMs}), then heartbeats for {@code seconds}. */
    Result run(int seconds, long periodMs, long setupTimeoutMs) throws IOException {
        long setupStart = System.nanoTime();
        for (int i = 0; i < count; i++) {
            SimulatedMonitor monitor = new SimulatedMonitor(String.format("bench_cp_%05d", i));
            monitors.add(monitor);
            monitor.connect();
            monitor.send(MessageCodec.toBytes(AuthRequest.of(monitor.cpId)));
            // A long interval while the swarm is still setting up: silent links are rightly closed by Central.
            monitor.send(MessageCodec.toBytes(RegisterRequest.of(monitor.cpId, "Bench", 0.25, SETUP_HEARTBEAT_SECONDS)));
            if (i % 500 == 0) {
                pump(0);
            }
        }
        long setupDeadline = System.currentTimeMillis() + setupTimeoutMs;
        while (monitors.stream().anyMatch(m -> !m.registered) && System.currentTimeMillis() < setupDeadline) {
            pump(50);
        }
        long setupMillis = (System.nanoTime() - setupStart) / 1_000_000;
        replies = 0;
        latencyCount = 0;
        long sent = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long periodNanos = periodMs * 1_000_000L;
        // Each Monitor heartbeats at its own phase within the period, as real ones do.
        long[] next = new long[count];
        for (int i = 0; i < count; i++) {
            next[i] = start + periodNanos * i / count;
        }
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (next[i] <= now) {
                    SimulatedMonitor monitor = monitors.get(i);
                    monitor.pendingSince.addLast(now);
                    monitor.send(MessageCodec.toBytes(HeartbeatRequest.of(monitor.cpId, (int) Math.max(1, periodMs / 1000))));
                    sent++;
                    next[i] += periodNanos;
                }
            }
            pump(1);
        }
        long drainUntil = System.currentTimeMillis() + 2_000;
        while (System.currentTimeMillis() < drainUntil && replies < sent) {
            pump(10);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        close();
        return new Result(count, setupMillis, sent, replies, failures, elapsed,
                percentile(sorted, 0.50) / 1_000, percentile(sorted, 0.99) / 1_000);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private void pump(long timeoutMs) throws IOException {
        SwarmSelector.pump(selector, timeoutMs);
    }

    private void close() throws IOException {
        for (SimulatedMonitor monitor : monitors) {
            monitor.channel.close();
        }
        selector.close();
    }

    /** One simulated Monitor connection. */
    private final class SimulatedMonitor implements FrameListener, SwarmSelector.Connection {

        final String cpId;
        final java.util.ArrayDeque<Long> pendingSince = new java.util.ArrayDeque<>();
        final java.util.ArrayDeque<ByteBuffer> outbound = new java.util.ArrayDeque<>();
        final FrameDecoder decoder = new FrameDecoder();
        SocketChannel channel;
        SelectionKey key;
        boolean registered;

        SimulatedMonitor(String cpId) {
            this.cpId = cpId;
        }

        void connect() throws IOException {
            channel = SocketChannel.open(target);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
        }

        void send(byte[] json) throws IOException {
            ByteBuffer frame = ByteBuffer.wrap(FrameEncoder.encode(json));
            if (outbound.isEmpty()) {
                channel.write(frame);
            }
            if (frame.hasRemaining()) {
                outbound.add(frame);
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }

        @Override
        public void flush() throws IOException {
            while (!outbound.isEmpty()) {
                channel.write(outbound.peek());
                if (outbound.peek().hasRemaining()) {
                    return;
                }
                outbound.poll();
            }
            key.interestOps(SelectionKey.OP_READ);
        }

        @Override
        public void read() throws IOException {
            readBuffer.clear();
            if (channel.read(readBuffer) < 0) {
                failures++;
                key.cancel();
                return;
            }
            readBuffer.flip();
            decoder.feed(readBuffer, this);
        }

        @Override
        public void onFrame(byte[] payload) {
            if (!(MessageCodec.parse(payload) instanceof ParseResult.Parsed parsed)
                    || !(parsed.message() instanceof Response response)) {
                return;
            }
            if (response.type().equals("register_response")) {
                registered = response.succeeded();
            } else if (response.type().equals("heartbeat_response")) {
                Long since = pendingSince.pollFirst();
                if (!response.succeeded()) {
                    failures++;
                } else if (since != null) {
                    replies++;
                    if (latencyCount == latencies.length) {
                        latencies = Arrays.copyOf(latencies, latencies.length * 2);
                    }
                    latencies[latencyCount++] = System.nanoTime() - since;
                }
            }
        }

        @Override
        public void onRejected(FrameRejection rejection) {
            failures++;
        }
    }
}
