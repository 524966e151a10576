package it.org.evcharging.central.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.protocol.FrameDecoder;
import org.evcharging.api.protocol.FrameEncoder;
import org.evcharging.api.protocol.FrameListener;
import org.evcharging.api.protocol.FrameRejection;

/**
 * One simulated Monitor on a swarm's selector thread, doing towards Central what cp-agent's Monitor
 * does ({@code CentralSession}, {@code ReconnectingLink}, {@code FailoverOrder}, {@code Backoff}), so
 * that a storm of them loads Central as real ones would. On every connection it sends
 * {@code auth_request}, heartbeats from that moment on, registers (announcing its interval) once
 * authenticated and reports ACTIVE once registered; a refusal makes it authenticate again at its
 * next heartbeat. It knows its Centrals in order: it stays with the address that last worked; a lost
 * connection is retried there after the backoff; an address that refuses (or does not answer within
 * 5 s) sends it to the next one at once, and only a whole round of refusals makes it back off. The
 * backoff starts at 0.5 s, doubles up to 5 s (each wait between half and all of its step), and starts
 * over with any frame a Central sends.
 * Single-threaded: every method runs on the swarm's selector thread.
 */
final class SimulatedMonitor implements FrameListener, SwarmSelector.Connection {

    // cp-agent's Backoff.INITIAL, MonitorOptions.DEFAULT_RECONNECT_MAX and ReconnectingLink.CONNECT_TIMEOUT.
    static final long BACKOFF_INITIAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    static final long BACKOFF_MAX_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Where the Monitor stands; only the last three have a connection. */
    enum Phase { WAITING, CONNECTING, AUTHENTICATING, REGISTERING, REGISTERED }

    /** What the swarm hears from its Monitors (all on the selector thread). */
    interface Events {

        void registered(SimulatedMonitor monitor);

        void linkLost(SimulatedMonitor monitor);

        /** A connection attempt failed: refused, or ({@code timedOut}) not answered within 5 s. */
        void connectFailed(SimulatedMonitor monitor, boolean timedOut);

        /** Central answered an auth, register or heartbeat with a failure (or a frame was unreadable). */
        void refused(SimulatedMonitor monitor);

        void heartbeatSent(long atNanos);

        void heartbeatAnswered(long sentNanos, long answeredNanos);
    }

    final String cpId;
    private final List<InetSocketAddress> centrals;
    private final long periodNanos;
    private final int announcedSeconds;
    private final Selector selector;
    private final ByteBuffer readBuffer;
    private final Events events;
    private final ArrayDeque<Long> pendingHeartbeats = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer> outbound = new ArrayDeque<>();
    private FrameDecoder decoder;
    private SocketChannel channel;
    private SelectionKey key;
    private Phase phase = Phase.WAITING;
    private int current;
    private int failuresInARow;
    private long backoffNanos = BACKOFF_INITIAL_NANOS;
    /** WAITING: when to try; CONNECTING: when to give up. */
    private long dueNanos = Long.MAX_VALUE;
    private long nextHeartbeatNanos = Long.MAX_VALUE;
    private boolean authenticateAgain;
    private int registeredOn = -1;
    private long registeredAtMillis;
    private long lostAtMillis;
    private int linksLost;
    private int registrations;

    /** {@code readBuffer} is the swarm's, shared: every Monitor reads on the same thread. */
    SimulatedMonitor(String cpId, List<InetSocketAddress> centrals, long periodMs, Selector selector,
                     ByteBuffer readBuffer, Events events) {
        this.cpId = cpId;
        this.centrals = List.copyOf(centrals);
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMs);
        this.announcedSeconds = (int) Math.max(1, periodMs / 1000);
        this.selector = selector;
        this.readBuffer = readBuffer;
        this.events = events;
    }

    /** The Monitor starts: its first connection attempt is due now. */
    void start(long nowNanos) {
        dueNanos = nowNanos;
    }

    /** Does what is due: a connection attempt, giving up on a slow one, a heartbeat. */
    void tick(long nowNanos) throws IOException {
        if (nowNanos < dueNanos && nowNanos < nextHeartbeatNanos) {
            return;
        }
        if (phase == Phase.WAITING && nowNanos >= dueNanos) {
            attempt(nowNanos);
        } else if (phase == Phase.CONNECTING && nowNanos >= dueNanos) {
            connectFailed(nowNanos, true);
        } else if (isConnected() && nowNanos >= nextHeartbeatNanos) {
            heartbeat(nowNanos);
            nextHeartbeatNanos += periodNanos;
        }
    }

    /** Moves this Monitor's next heartbeat (the swarm spreads them evenly over the period). */
    void nextHeartbeatAt(long nanos) {
        if (isConnected()) {
            nextHeartbeatNanos = nanos;
        }
    }

    Phase phase() {
        return phase;
    }

    boolean isRegistered() {
        return phase == Phase.REGISTERED;
    }

    /** Registered on another Central than the first of its list. */
    boolean isRegisteredAway() {
        return phase == Phase.REGISTERED && registeredOn != 0;
    }

    /** Epoch ms of its latest registration. */
    long registeredAtMillis() {
        return registeredAtMillis;
    }

    /** Epoch ms of its latest lost connection (0: none). */
    long lostAtMillis() {
        return lostAtMillis;
    }

    int linksLost() {
        return linksLost;
    }

    /** How often it registered, on any Central. */
    int registrations() {
        return registrations;
    }

    void close() throws IOException {
        closeChannel();
        phase = Phase.WAITING;
        dueNanos = Long.MAX_VALUE;
    }

    // ---------------------------------------------------------------- connecting (ReconnectingLink)

    private boolean isConnected() {
        return phase.compareTo(Phase.AUTHENTICATING) >= 0;
    }

    private void attempt(long nowNanos) throws IOException {
        decoder = new FrameDecoder();
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (channel.connect(centrals.get(current))) {
                key = channel.register(selector, SelectionKey.OP_READ, this);
                connected(nowNanos);
            } else {
                // Not blocking the one thread: 5,000 Monitors reconnect at once after a fail-over.
                key = channel.register(selector, SelectionKey.OP_CONNECT, this);
                phase = Phase.CONNECTING;
                dueNanos = nowNanos + CONNECT_TIMEOUT_NANOS;
            }
        } catch (IOException refused) {
            connectFailed(nowNanos, false);
        }
    }

    @Override
    public void finishConnect() throws IOException {
        long now = System.nanoTime();
        try {
            if (channel.finishConnect()) {
                key.interestOps(SelectionKey.OP_READ);
                connected(now);
            }
        } catch (IOException refused) {
            connectFailed(now, false);
        }
    }

    /** FailoverOrder.failed(): the next address at once, unless a whole round failed (then the backoff). */
    private void connectFailed(long nowNanos, boolean timedOut) throws IOException {
        closeChannel();
        phase = Phase.WAITING;
        events.connectFailed(this, timedOut);
        current = (current + 1) % centrals.size();
        failuresInARow++;
        if (failuresInARow >= centrals.size()) {
            failuresInARow = 0;
            dueNanos = nowNanos + nextBackoff();
        } else {
            dueNanos = nowNanos;
        }
    }

    private void connected(long nowNanos) {
        failuresInARow = 0;
        dueNanos = Long.MAX_VALUE;
        authenticate();
        // CentralSession.onConnected: heartbeats start with the connection, the first one at once.
        heartbeat(nowNanos);
        if (isConnected()) {
            nextHeartbeatNanos = nowNanos + periodNanos;
        }
    }

    /** The connection ended: the same address is tried again after the backoff (ReconnectingLink.onClosed). */
    private void lost() throws IOException {
        if (!isConnected()) {
            return;
        }
        closeChannel();
        phase = Phase.WAITING;
        registeredOn = -1;
        nextHeartbeatNanos = Long.MAX_VALUE;
        pendingHeartbeats.clear();
        lostAtMillis = System.currentTimeMillis();
        linksLost++;
        events.linkLost(this);
        dueNanos = System.nanoTime() + nextBackoff();
    }

    /** As cp-agent's Backoff: each wait drawn between half and all of its step (equal jitter). */
    private long nextBackoff() {
        long step = backoffNanos;
        backoffNanos = Math.min(backoffNanos * 2, BACKOFF_MAX_NANOS);
        return step / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(step - step / 2 + 1);
    }

    private void closeChannel() throws IOException {
        outbound.clear();
        if (key != null) {
            key.cancel();
            key = null;
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    // ---------------------------------------------------------------- the Monitor's side of the protocol (CentralSession)

    private void authenticate() {
        authenticateAgain = false;
        phase = Phase.AUTHENTICATING;
        send(AuthRequest.of(cpId));
    }

    private void heartbeat(long nowNanos) {
        if (authenticateAgain) {
            authenticate();
        }
        if (!isConnected()) {
            return;
        }
        pendingHeartbeats.addLast(nowNanos);
        events.heartbeatSent(nowNanos);
        send(HeartbeatRequest.of(cpId, announcedSeconds));
    }

    @Override
    public void onFrame(byte[] payload) {
        if (!isConnected()) {
            return; // what was still buffered from a connection already given up
        }
        backoffNanos = BACKOFF_INITIAL_NANOS;
        if (!(MessageCodec.parse(payload) instanceof ParseResult.Parsed parsed)) {
            events.refused(this);
            return;
        }
        WireMessage message = parsed.message();
        if (message instanceof AuthResponse auth) {
            authAnswered(auth);
        } else if (message instanceof Response response) {
            answered(response);
        }
    }

    private void authAnswered(AuthResponse auth) {
        if (ReplyStatus.SUCCESS.equals(auth.status())) {
            if (phase != Phase.REGISTERED && phase != Phase.REGISTERING) {
                phase = Phase.REGISTERING;
                send(RegisterRequest.of(cpId, "Bench", 0.30, announcedSeconds));
            }
        } else if (!ReplyStatus.PENDING.equals(auth.status())) {
            refused();
        }
    }

    private void answered(Response response) {
        switch (response.type()) {
            case "register_response" -> {
                if (!response.succeeded()) {
                    refused();
                    return;
                }
                phase = Phase.REGISTERED;
                registeredOn = current;
                registeredAtMillis = System.currentTimeMillis();
                registrations++;
                // As after every registration: the CP's true state, whatever was reported before.
                send(StatusUpdate.of(cpId, ChargingPointState.ACTIVE));
                events.registered(this);
            }
            case "heartbeat_response" -> {
                Long sent = pendingHeartbeats.pollFirst();
                if (!response.succeeded()) {
                    refused();
                } else if (sent != null) {
                    events.heartbeatAnswered(sent, System.nanoTime());
                }
            }
            case "auth_request_response" -> refused();
            default -> {
                // status_update answers: nothing to do
            }
        }
    }

    /** Central does not (or no longer) take this CP on this connection: authenticate again at the next heartbeat. */
    private void refused() {
        authenticateAgain = true;
        phase = Phase.AUTHENTICATING;
        registeredOn = -1;
        events.refused(this);
    }

    @Override
    public void onRejected(FrameRejection rejection) {
        events.refused(this);
    }

    // ---------------------------------------------------------------- bytes

    private void send(WireMessage message) {
        if (channel == null) {
            return;
        }
        ByteBuffer frame = ByteBuffer.wrap(FrameEncoder.encode(MessageCodec.toBytes(message)));
        try {
            if (outbound.isEmpty()) {
                channel.write(frame);
            }
            if (frame.hasRemaining()) {
                outbound.add(frame);
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            lostQuietly();
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            while (!outbound.isEmpty()) {
                channel.write(outbound.peek());
                if (outbound.peek().hasRemaining()) {
                    return;
                }
                outbound.poll();
            }
            key.interestOps(SelectionKey.OP_READ);
        } catch (IOException e) {
            lost();
        }
    }

    @Override
    public void read() throws IOException {
        if (!SwarmSelector.readAvailable(channel, readBuffer)) {
            lost();
            return;
        }
        decoder.feed(readBuffer, this);
    }

    // send() runs inside onFrame, whose interface declares no IOException.
    private void lostQuietly() {
        try {
            lost();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
