package org.evcharging.agent.monitor;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.config.HostPortList;
import org.evcharging.agent.runtime.EventLoop;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.net.FrameClient;
import org.evcharging.api.protocol.FrameRejection;
import org.evcharging.api.protocol.Framing;

/**
 * A framed TCP connection that keeps itself up: it connects, reports every event on the owner's
 * {@link EventLoop} in order, and after a failure or a loss tries again with exponential backoff.
 * Given several addresses it fails over among them in order ({@link FailoverOrder}) and backs off
 * only once all of them failed. Sends never block the caller: a peer that stops reading cannot
 * freeze the Monitor's health checks.
 */
final class ReconnectingLink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReconnectingLink.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_QUEUED_FRAMES = 1000;

    /** What the owner hears, always on its loop. */
    interface Listener {
        void onConnected();

        void onFrame(byte[] payload);

        /** The connection ended ({@code cause} null for an orderly close). */
        void onLost(IOException cause);

        /** An attempt on {@code address} failed; {@code firstOfOutage} is true for its first failure since the last success. */
        void onConnectFailed(HostPort address, IOException cause, boolean firstOfOutage);
    }

    private final String name;
    private final FailoverOrder order;
    private final Set<HostPort> failedThisOutage = new HashSet<>();
    private final EventLoop loop;
    private final Listener listener;
    private final Backoff backoff;
    private final ScheduledExecutorService connector;
    private final ThreadPoolExecutor writer;
    private final SSLContext tls;
    private volatile FrameClient current;
    private volatile boolean closed;

    ReconnectingLink(String name, HostPort address, Duration reconnectMax, EventLoop loop, Listener listener) {
        this(name, HostPortList.of(address), reconnectMax, loop, listener, null);
    }

    ReconnectingLink(String name, HostPortList addresses, Duration reconnectMax, EventLoop loop, Listener listener) {
        this(name, addresses, reconnectMax, loop, listener, null);
    }

    /** With {@code tls}, every connection is TLS, verifying the peer's certificate and host name. */
    ReconnectingLink(String name, HostPortList addresses, Duration reconnectMax, EventLoop loop, Listener listener,
                     SSLContext tls) {
        this.name = name;
        this.tls = tls;
        this.order = new FailoverOrder(addresses);
        this.loop = loop;
        this.listener = listener;
        this.backoff = new Backoff(reconnectMax);
        this.connector = Executors.newSingleThreadScheduledExecutor(daemon("link-" + name));
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED_FRAMES), daemon("link-" + name + "-writer"));
    }

    String name() {
        return name;
    }

    /** The address in use, or tried next while disconnected. */
    HostPort address() {
        return order.current();
    }

    /** Its place in the list, 1-based. */
    int addressPosition() {
        return order.position();
    }

    int addressCount() {
        return order.size();
    }

    void start() {
        connector.execute(this::attempt);
    }

    boolean isConnected() {
        return current != null;
    }

    /** Queues {@code message} for the current connection; false when there is none. */
    boolean send(WireMessage message) {
        FrameClient client = current;
        if (client == null) {
            return false;
        }
        byte[] payload = MessageCodec.toBytes(message);
        try {
            writer.execute(() -> {
                try {
                    client.send(payload);
                } catch (IOException e) {
                    LOG.fine(() -> "Send to " + name + " failed: " + e.getMessage());
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> name + " at " + address() + " is not reading; dropping the connection");
            client.close();
            return false;
        }
    }

    /** Drops the current connection; a new one is attempted after the backoff. */
    void reconnect() {
        FrameClient client = current;
        if (client != null) {
            client.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        FrameClient client = current;
        if (client != null) {
            client.close();
        }
        writer.shutdown();
    }

    private void attempt() {
        if (closed) {
            return;
        }
        // The reader thread waits for this gate, so onConnected reaches the loop before any frame.
        CountDownLatch gate = new CountDownLatch(1);
        ThreadFactory gated = runnable -> new Thread(() -> {
            awaitQuietly(gate);
            runnable.run();
        });
        HostPort target = order.current();
        try {
            FrameClient client = FrameClient.connect(target.toSocketAddress(), CONNECT_TIMEOUT,
                    Framing.DEFAULT_MAX_PAYLOAD, new Events(), gated, tls);
            current = client;
            order.connected();
            failedThisOutage.clear();
            loop.execute(listener::onConnected);
        } catch (IOException | RuntimeException e) {
            IOException cause = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            boolean first = failedThisOutage.add(target);
            loop.execute(() -> listener.onConnectFailed(target, cause, first));
            if (order.failed()) {
                retryLater();
            } else {
                retryNow();
            }
        } finally {
            gate.countDown();
        }
    }

    // The next address in the list is tried at once: the backoff is for when they all failed.
    private void retryNow() {
        if (!closed) {
            try {
                connector.execute(this::attempt);
            } catch (RejectedExecutionException e) {
                LOG.fine(() -> name + " link closed; no more attempts");
            }
        }
    }

    private void retryLater() {
        if (!closed) {
            try {
                connector.schedule(this::attempt, backoff.next().toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                LOG.fine(() -> name + " link closed; no more attempts");
            }
        }
    }

    /** One connection's events. */
    private final class Events implements FrameClient.Listener {
        @Override
        public void onFrame(byte[] payload) {
            backoff.reset();
            loop.execute(() -> listener.onFrame(payload));
        }

        @Override
        public void onRejected(FrameRejection rejection) {
            LOG.warning(() -> "Skipping a bad frame from " + name + " at " + address() + ": " + rejection.detail());
        }

        @Override
        public void onClosed(IOException cause) {
            current = null;
            if (!closed) {
                loop.execute(() -> listener.onLost(cause));
                retryLater();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String threadName) {
        return runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        };
    }
}
