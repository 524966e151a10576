package it.org.evcharging.central.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;

import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.net.FrameClient;
import org.evcharging.api.protocol.Framing;

/**
 * A scripted Monitor over a real socket: the test says what it sends and waits for what Central
 * answers. Everything Central sends is kept in arrival order.
 */
public final class FakeMonitor implements AutoCloseable {

    private final FrameClient client;
    private final BlockingQueue<WireMessage> received = new LinkedBlockingQueue<>();
    private volatile boolean closedByPeer;
    private ScheduledExecutorService heartbeats;

    private FakeMonitor(InetSocketAddress central) throws IOException {
        this(central, null);
    }

    private FakeMonitor(InetSocketAddress central, SSLContext tls) throws IOException {
        this.client = FrameClient.connect(central, Duration.ofSeconds(5), Framing.DEFAULT_MAX_PAYLOAD, new FrameClient.Listener() {
            @Override
            public void onFrame(byte[] payload) {
                if (MessageCodec.parse(payload) instanceof ParseResult.Parsed parsed) {
                    received.add(parsed.message());
                }
            }

            @Override
            public void onClosed(IOException cause) {
                closedByPeer = true;
            }
        }, Executors.defaultThreadFactory(), tls);
    }

    public static FakeMonitor connect(int port) throws IOException {
        return new FakeMonitor(new InetSocketAddress("localhost", port));
    }

    /** A Monitor speaking TLS, trusting the CAs of {@code tls}. */
    public static FakeMonitor connectTls(int port, SSLContext tls) throws IOException {
        return new FakeMonitor(new InetSocketAddress("localhost", port), tls);
    }

    public void send(WireMessage message) throws IOException {
        client.send(MessageCodec.toBytes(message));
    }

    /** The first message of {@code type} matching {@code test}, skipping others; fails after {@code timeout}. */
    public <T extends WireMessage> T await(Class<T> type, Predicate<T> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            WireMessage next = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                throw new AssertionError("No " + type.getSimpleName() + " matching the expectation within " + timeout);
            }
            if (type.isInstance(next) && test.test(type.cast(next))) {
                return type.cast(next);
            }
        }
    }

    public <T extends WireMessage> T await(Class<T> type) throws InterruptedException {
        return await(type, m -> true, Duration.ofSeconds(10));
    }

    /** Sends and waits for the reply that echoes the message id. */
    public <T extends WireMessage> T call(WireMessage request, Class<T> replyType) throws IOException, InterruptedException {
        send(request);
        return await(replyType, reply -> request.messageId().equals(reply.messageId()), Duration.ofSeconds(10));
    }

    /**
     * Heartbeats for {@code cpId} every second from now on, as a real Monitor does, so Central does not
     * close the link as silent while the test spends time elsewhere (a browser on a busy machine).
     * The answers are skipped by {@link #await}.
     */
    public synchronized FakeMonitor heartbeating(String cpId) {
        if (heartbeats == null) {
            heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "fake-monitor-heartbeat-" + cpId);
                thread.setDaemon(true);
                return thread;
            });
            heartbeats.scheduleAtFixedRate(() -> {
                try {
                    send(HeartbeatRequest.of(cpId, 1));
                } catch (IOException closed) {
                    heartbeats.shutdown();
                }
            }, 0, 1, TimeUnit.SECONDS);
        }
        return this;
    }

    public boolean isClosedByPeer() {
        return closedByPeer;
    }

    @Override
    public synchronized void close() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        client.close();
    }
}
