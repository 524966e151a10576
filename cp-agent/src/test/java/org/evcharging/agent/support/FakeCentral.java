package org.evcharging.agent.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.evcharging.agent.config.HostPort;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.net.FrameConnection;
import org.evcharging.api.net.FrameServer;

import javax.net.ssl.SSLContext;
import org.evcharging.api.protocol.Framing;

/**
 * A scripted Central for Monitor tests: a real {@link FrameServer} that records every message a
 * Monitor sends and answers like the first implementation's Central (§3.2). New CPs stay pending
 * until {@link #approve()}; the answer to completions can be held back.
 */
public final class FakeCentral implements AutoCloseable {

    private final List<WireMessage> received = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final int port;
    private final SSLContext tls;
    private FrameServer server;
    private volatile FrameConnection current;
    private volatile String pendingAuthMessageId;
    private volatile boolean approved;
    private volatile boolean answerCompletions = true;

    public FakeCentral() {
        this(0);
    }

    private FakeCentral(int port) {
        this(port, null);
    }

    private FakeCentral(int port, SSLContext tls) {
        this.tls = tls;
        this.server = bind(port);
        this.port = server.localPort();
    }

    /** A fake Central that speaks TLS only, with the key in {@code tls}. */
    public static FakeCentral overTls(SSLContext tls) {
        return new FakeCentral(0, tls);
    }

    public HostPort address() {
        return new HostPort("localhost", port);
    }

    /** Answer {@code charge_completion} (the Monitor then drops it from its outbox) or stay silent. */
    public void answerCompletions(boolean answer) {
        this.answerCompletions = answer;
    }

    /** Treats every CP as already known: auth_request is answered success at once. */
    public FakeCentral knowingEveryCp() {
        approved = true;
        return this;
    }

    /** The operator approves the pending CP: the unsolicited auth_response success of §7.1 step 4. */
    public void approve() {
        approved = true;
        AuthRequest request = awaitMessage(AuthRequest.class, r -> true, Duration.ofSeconds(10));
        send(AuthResponse.approved(pendingAuthMessageId, request.id()));
    }

    public void send(WireMessage message) {
        FrameConnection connection = current;
        if (connection == null || !connection.send(MessageCodec.toBytes(message))) {
            throw new IllegalStateException("No Monitor connected to the fake Central");
        }
    }

    public List<WireMessage> received() {
        return List.copyOf(received);
    }

    public <T extends WireMessage> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends WireMessage> List<T> received(Class<T> type, Predicate<T> match) {
        return received(type).stream().filter(match).toList();
    }

    public <T extends WireMessage> T awaitMessage(Class<T> type, Predicate<T> match, Duration timeout) {
        await(type.getSimpleName() + " at the fake Central").atMost(timeout)
                .until(() -> !received(type, match).isEmpty());
        return received(type, match).get(0);
    }

    /** What a well-behaved Monitor never sends (invalid or unexpected messages); empty is good. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public boolean connected() {
        FrameConnection connection = current;
        return connection != null && connection.isOpen();
    }

    /** Stops listening and drops the Monitor, as a Central that dies. */
    public void stop() {
        server.close();
        await("fake Central stopped").atMost(Duration.ofSeconds(5)).until(() -> !connected());
    }

    /** Listens again on the same port, as a Central that restarted (approval is remembered, like its DB). */
    public void restart() {
        server = bind(port);
    }

    @Override
    public void close() {
        server.close();
        if (!problems.isEmpty()) {
            throw new AssertionError("The fake Central saw: " + problems);
        }
    }

    private FrameServer bind(int onPort) {
        try {
            FrameServer bound = new FrameServer(new InetSocketAddress("localhost", onPort), Framing.DEFAULT_MAX_PAYLOAD,
                    1 << 20, connection -> new Handler()).withTls(tls).bind();
            Thread thread = new Thread(bound, "fake-central");
            thread.setDaemon(true);
            thread.start();
            return bound;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Handler implements FrameServer.Handler {
        @Override
        public void onFrame(FrameConnection connection, byte[] payload) {
            current = connection;
            ParseResult result = MessageCodec.parse(payload);
            if (!(result instanceof ParseResult.Parsed parsed)) {
                // Recorded, not thrown: an Error here would end the server's selector thread.
                problems.add("The Monitor sent an invalid message: " + result);
                return;
            }
            WireMessage message = parsed.message();
            received.add(message);
            WireMessage reply = answer(message);
            if (reply != null) {
                connection.send(MessageCodec.toBytes(reply));
            }
        }

        private WireMessage answer(WireMessage message) {
            MessageType type = MessageType.fromWire(message.type()).orElseThrow();
            return switch (type) {
                case AUTH_REQUEST -> {
                    AuthRequest auth = (AuthRequest) message;
                    pendingAuthMessageId = auth.messageId();
                    yield approved ? AuthResponse.alreadyRegistered(auth.messageId(), auth.id())
                            : AuthResponse.pending(auth.messageId(), auth.id());
                }
                case CHARGE_COMPLETION -> answerCompletions
                        ? Response.success(type, message.messageId(), "Charge completion notification processed")
                                .withSessionId(((ChargeCompletion) message).sessionId())
                        : null;
                case REGISTER_REQUEST, HEARTBEAT_REQUEST, STATUS_UPDATE, FAULT_NOTIFICATION, RECOVERY_NOTIFICATION,
                        CHARGING_DATA -> Response.success(type, message.messageId(), "ok");
                default -> {
                    problems.add("A Monitor does not send " + message.type());
                    yield null;
                }
            };
        }
    }
}
