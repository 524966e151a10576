package it.org.evcharging.central.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.message.monitor.StopChargingSessionCommand;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.api.net.FrameClient;
import org.evcharging.api.protocol.Framing;
import org.evcharging.kafka.client.RecordPublisher;

/**
 * Charging points simulated in the test's JVM, light enough for fifty beside two Centrals on a
 * small machine, speaking the real protocol over real TCP and Kafka. Legacy CPs: admitted by id.
 *
 * <p>Each Monitor behaves as the agent's does across a fail-over: given several Centrals, it stays
 * on the one that answers; when that link is lost it tries it once more, then the next ones at
 * once, and backs off (0.5 s doubling up to 1 s, as the ITs' agents) only after all of them failed.
 * On every connection it authenticates and heartbeats every second, registers, restates its state
 * (ACTIVE or CHARGING) and sends again the completions Central has not answered. Each Engine obeys
 * Central's start and stop, meters every second (over the link while registered, and on Kafka),
 * goes on supplying while its Monitor has no Central, and ends a supply by itself after
 * {@code longestCharge}, with a {@code charge_completion} on both paths.
 *
 * <p>All CPs live on one thread; each link's reader thread hands its events to it.
 */
public final class CpFleet implements AutoCloseable {

    private static final Duration TICK = Duration.ofSeconds(1);
    private static final int HEARTBEAT_SECONDS = 1;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);
    private static final double KWH_PER_TICK = 11.0 / 3600;

    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(daemon("cp-fleet"));
    private final RecordPublisher kafka;
    private final Duration longestCharge;
    private final List<Cp> cps = new ArrayList<>();
    private volatile boolean closed;

    /** A fleet whose Engines publish to {@code bootstrapServers} and end each supply after {@code longestCharge}. */
    public CpFleet(String bootstrapServers, Duration longestCharge) {
        this.kafka = new RecordPublisher(bootstrapServers, "cp-fleet");
        this.longestCharge = longestCharge;
        loop.scheduleAtFixedRate(() -> cps.forEach(Cp::tick), TICK.toNanos(), TICK.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts the CP {@code cpId}, its Monitor given {@code centrals} ("host:port") in order of preference. */
    public void start(String cpId, List<String> centrals) {
        post(() -> {
            Cp cp = new Cp(cpId, centrals.stream().map(CpFleet::address).toList());
            cps.add(cp);
            cp.connect();
        });
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        loop.execute(() -> cps.forEach(Cp::disconnect));
        loop.shutdown();
        loop.awaitTermination(5, TimeUnit.SECONDS);
        kafka.close();
    }

    private void post(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            if (!closed) {
                throw e;
            }
        }
    }

    private void postLater(Runnable task, Duration delay) {
        try {
            loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            if (!closed) {
                throw e;
            }
        }
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One CP: its Monitor's link to a Central and its Engine's supply. Confined to the fleet's thread. */
    private final class Cp {

        final String id;
        final List<InetSocketAddress> centrals;
        /** Completions Central has not answered yet, by message id, oldest first. */
        final Map<String, ChargeCompletion> outbox = new LinkedHashMap<>();
        int current;
        int failedInARow;
        Duration backoff = FIRST_BACKOFF;
        FrameClient link;
        boolean registered;
        boolean authenticateAgain;
        SimulatedSupply supply;

        Cp(String id, List<InetSocketAddress> centrals) {
            this.id = id;
            this.centrals = centrals;
        }

        // ---- Monitor: the link to Central ---------------------------------------------------

        void connect() {
            if (closed) {
                return;
            }
            Events events = new Events();
            try {
                events.client = FrameClient.connect(centrals.get(current), CONNECT_TIMEOUT, Framing.DEFAULT_MAX_PAYLOAD,
                        events, daemon("cp-fleet-" + id));
            } catch (IOException refused) {
                current = (current + 1) % centrals.size();
                if (++failedInARow < centrals.size()) {
                    post(this::connect);
                } else {
                    failedInARow = 0;
                    retryAfterBackoff();
                }
                return;
            }
            link = events.client;
            failedInARow = 0;
            // As the agent's Monitor: every connection proves who it is, and heartbeats from the start.
            authenticate();
            send(HeartbeatRequest.of(id, HEARTBEAT_SECONDS));
        }

        void retryAfterBackoff() {
            postLater(this::connect, backoff);
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
        }

        void lost() {
            link = null;
            registered = false;
            retryAfterBackoff();
        }

        void disconnect() {
            if (link != null) {
                link.close();
            }
        }

        void authenticate() {
            authenticateAgain = false;
            send(AuthRequest.of(id));
        }

        void received(WireMessage message) {
            backoff = FIRST_BACKOFF;
            if (message instanceof AuthResponse auth) {
                if (ReplyStatus.SUCCESS.equals(auth.status())) {
                    send(RegisterRequest.of(id, AgentProcess.TEST_LOCATION, AgentProcess.TEST_PRICE, HEARTBEAT_SECONDS));
                } else if (!ReplyStatus.PENDING.equals(auth.status())) {
                    refused("authentication", auth.message());
                }
            } else if (message instanceof Response response) {
                answered(response);
            } else if (message instanceof StartChargingCommand start) {
                startSupply(start);
            } else if (message instanceof StopChargingSessionCommand stop) {
                if (supply != null && supply.sessionId().equals(stop.sessionId())) {
                    endSupply(SessionEnding.DRIVER_STOP);
                }
            }
        }

        void answered(Response response) {
            MessageType type = MessageType.fromWire(response.type()).orElse(null);
            if (type == MessageType.REGISTER_RESPONSE && response.succeeded()) {
                registered = true;
                reportState();
                outbox.values().forEach(this::send);
            } else if (type == MessageType.CHARGE_COMPLETION_RESPONSE) {
                outbox.remove(response.messageId());
            } else if (!response.succeeded() && (type == MessageType.REGISTER_RESPONSE
                    || type == MessageType.AUTH_REQUEST_RESPONSE || type == MessageType.HEARTBEAT_RESPONSE)) {
                refused(response.type(), response.info());
            }
        }

        /** As the agent's Monitor: start over with authentication at the next heartbeat. */
        void refused(String what, String info) {
            System.out.printf("[cp-fleet] %s: Central refused the %s: %s%n", id, what, info);
            registered = false;
            authenticateAgain = true;
        }

        void tick() {
            if (link != null) {
                if (authenticateAgain) {
                    authenticate();
                }
                send(HeartbeatRequest.of(id, HEARTBEAT_SECONDS));
            }
            if (supply != null) {
                if (supply.runningNanos() >= longestCharge.toNanos()) {
                    endSupply(SessionEnding.MAX_DURATION);
                } else {
                    ChargingData reading = supply.meter(KWH_PER_TICK);
                    if (registered) {
                        send(reading);
                    }
                    kafka.publish(Topics.CHARGING_SESSION_DATA, reading);
                }
            }
        }

        void reportState() {
            if (registered) {
                send(StatusUpdate.of(id, supply == null ? ChargingPointState.ACTIVE : ChargingPointState.CHARGING));
            }
        }

        void send(WireMessage message) {
            if (link == null) {
                return;
            }
            try {
                link.send(MessageCodec.toBytes(message));
            } catch (IOException e) {
                // The reader reports the loss: the link is then given up and tried again.
            }
        }

        // ---- Engine: the supply -------------------------------------------------------------

        void startSupply(StartChargingCommand start) {
            if (supply == null) {
                double price = start.pricePerKwh() != null ? start.pricePerKwh() : AgentProcess.TEST_PRICE;
                supply = new SimulatedSupply(id, start.sessionId(), start.driverId(), price);
            }
            // Already supplying: the Engine refuses, and the Monitor restates the truth.
            reportState();
        }

        void endSupply(SessionEnding ending) {
            ChargeCompletion completion = supply.complete(ending);
            supply = null;
            outbox.put(completion.messageId(), completion);
            kafka.publish(Topics.CHARGING_SESSION_COMPLETE, completion);
            if (registered) {
                send(completion);
            }
            reportState();
        }

        /** One connection's events, handed to the fleet's thread; those of a connection given up are dropped. */
        private final class Events implements FrameClient.Listener {

            FrameClient client;

            @Override
            public void onFrame(byte[] payload) {
                if (MessageCodec.parse(payload) instanceof ParseResult.Parsed parsed) {
                    post(() -> {
                        if (link == client) {
                            received(parsed.message());
                        }
                    });
                }
            }

            @Override
            public void onClosed(IOException cause) {
                post(() -> {
                    if (link == client) {
                        lost();
                    }
                });
            }
        }
    }
}
