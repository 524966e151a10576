package org.evcharging.agent.monitor;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

import org.evcharging.agent.console.EventLog;
import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.runtime.EventLoop;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.FaultNotification;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.message.monitor.RecoveryNotification;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.ResumeCpCommand;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.message.monitor.StopChargingSessionCommand;
import org.evcharging.api.message.monitor.StopCpCommand;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.api.model.ChargingPointState;

/**
 * The Monitor's Central side (§3.1/§3.2, §9.1): authenticates once per process, registers on
 * every connection, heartbeats with its interval announced, reports the CP's true state after each
 * registration and on each change, relays Central's commands to the Engine, and delivers the
 * completions of its outbox until Central answers them. Runs on the Monitor's loop.
 */
final class CentralSession implements ReconnectingLink.Listener, CentralReporter {

    private static final Logger LOG = Logger.getLogger(CentralSession.class.getName());

    /** Where this connection stands with Central. */
    enum Phase { DISCONNECTED, AUTHENTICATING, WAITING_FOR_APPROVAL, REGISTERING, REGISTERED }

    private boolean registerWhenEngineKnown;
    private final MonitorOptions options;
    private final EventLoop loop;
    private final EventLog log;
    private final LocalState state;
    private final CompletionOutbox outbox;
    private final EngineSupervisor engine;
    private final ReconnectingLink link;
    private final Set<String> sentOnThisConnection = new HashSet<>();
    private ScheduledFuture<?> heartbeats;
    private Phase phase = Phase.DISCONNECTED;
    private boolean authorized;
    private boolean authenticateAgain;
    private ChargingPointState lastReported;

    CentralSession(MonitorOptions options, EventLoop loop, EventLog log, LocalState state, CompletionOutbox outbox,
                   EngineSupervisor engine, SSLContext tls) {
        this.options = options;
        this.loop = loop;
        this.log = log;
        this.state = state;
        this.outbox = outbox;
        this.engine = engine;
        this.link = new ReconnectingLink("CENTRAL", options.central(), options.reconnectMax(), loop, this, tls);
    }

    ReconnectingLink link() {
        return link;
    }

    Phase phase() {
        return phase;
    }

    boolean authorized() {
        return authorized;
    }

    // ---- Link events --------------------------------------------------------------------------

    @Override
    public void onConnected() {
        log.event("Connected to CENTRAL at " + link.address() + failoverNote());
        sentOnThisConnection.clear();
        // Every connection starts by proving who it is: Central admits a newer connection for a CP only
        // with the CP's credential (the first implementation re-registered straight away).
        authenticate();
        Duration period = Duration.ofSeconds(options.heartbeatSeconds());
        heartbeats = loop.every(Duration.ZERO, period, this::heartbeat);
    }

    @Override
    public void onLost(IOException cause) {
        registerWhenEngineKnown = false;
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        phase = Phase.DISCONNECTED;
        log.event("Lost connection to CENTRAL at " + link.address() + (cause == null ? "" : " (" + cause.getMessage() + ")"));
    }

    @Override
    public void onConnectFailed(HostPort address, IOException cause, boolean firstOfOutage) {
        if (firstOfOutage) {
            log.event("Cannot connect to CENTRAL at " + address + " (" + cause.getMessage() + "); "
                    + (options.central().size() > 1 ? "trying the next, " : "retrying, ") + "supplies in progress go on");
        }
    }

    /** With several Centrals, which one of them this is. */
    private String failoverNote() {
        return options.central().size() > 1
                ? " (" + link.addressPosition() + " of " + link.addressCount() + ": " + options.central() + ")" : "";
    }

    @Override
    public void onFrame(byte[] payload) {
        ParseResult result = MessageCodec.parse(payload);
        if (result instanceof ParseResult.Invalid invalid) {
            LOG.warning(() -> "Skipping a bad message from CENTRAL: " + invalid.detail());
            return;
        }
        WireMessage message = ((ParseResult.Parsed) result).message();
        if (message instanceof AuthResponse auth) {
            authAnswered(auth);
        } else if (message instanceof Response response) {
            answered(response);
        } else if (message instanceof StartChargingCommand start) {
            engine.start(start);
        } else if (message instanceof StopChargingSessionCommand stop) {
            engine.stopSession(stop);
        } else if (message instanceof StopCpCommand stop) {
            log.event("Operator stopped the CP: emergency stop to ENGINE");
            state.stoppedByOperator(true);
            engine.emergencyStop(stop.messageId());
            statusMayHaveChanged();
        } else if (message instanceof ResumeCpCommand resume) {
            log.event("Operator resumed the CP");
            state.stoppedByOperator(false);
            engine.resume(resume);
            statusMayHaveChanged();
        } else {
            LOG.warning(() -> "Ignoring an unexpected " + message.type() + " from CENTRAL");
        }
    }

    // ---- Authentication, registration, heartbeat ----------------------------------------------

    private void authenticate() {
        authenticateAgain = false;
        phase = Phase.AUTHENTICATING;
        link.send(AuthRequest.of(options.cpId(), options.credential()));
    }

    /**
     * Registers once the Engine's health is known, as the first implementation's Monitor does: Central
     * takes a registration as "this CP can supply", so registering before the first health answer
     * let a charge request arrive while the Engine could not take it yet.
     */
    private void register() {
        if (state.status().isEmpty()) {
            registerWhenEngineKnown = true;
            return;
        }
        registerWhenEngineKnown = false;
        phase = Phase.REGISTERING;
        link.send(RegisterRequest.of(options.cpId(), options.location(), options.pricePerKwh(),
                options.heartbeatSeconds()));
    }

    private void heartbeat() {
        if (authenticateAgain) {
            authenticate();
        }
        link.send(HeartbeatRequest.of(options.cpId(), options.heartbeatSeconds()));
    }

    /** Success comes as the reply, or later, unsolicited, when the operator approves this CP. */
    private void authAnswered(AuthResponse auth) {
        if (ReplyStatus.SUCCESS.equals(auth.status())) {
            auth.key().ifPresent(key -> {
                log.event("CENTRAL issued payload key " + key.id() + ": handing it to ENGINE");
                engine.payloadKey(key);
            });
            if (!authorized) {
                log.event("Authorized by CENTRAL as " + options.cpId());
            }
            authorized = true;
            if (phase != Phase.REGISTERED && phase != Phase.REGISTERING) {
                register();
            }
        } else if (ReplyStatus.PENDING.equals(auth.status())) {
            phase = Phase.WAITING_FOR_APPROVAL;
            log.event("Waiting for authorization: CENTRAL holds " + options.cpId() + " for an operator's approval");
        } else {
            refused("authentication", auth.message());
        }
    }

    private void answered(Response response) {
        Optional<MessageType> type = MessageType.fromWire(response.type());
        if (type.isEmpty()) {
            LOG.fine(() -> "CENTRAL answered " + response.type() + ": " + response.info());
            return;
        }
        switch (type.get()) {
            case REGISTER_RESPONSE -> {
                if (response.succeeded()) {
                    registered();
                } else {
                    refused("registration", response.info());
                }
            }
            case AUTH_REQUEST_RESPONSE -> refused("authentication", response.info());
            case HEARTBEAT_RESPONSE -> {
                if (!response.succeeded()) {
                    refused("heartbeat", response.info());
                }
            }
            case CHARGE_COMPLETION_RESPONSE -> completionAnswered(response);
            default -> LOG.fine(() -> "CENTRAL answered " + response.type() + " " + response.status() + ": "
                    + response.info());
        }
    }

    private void registered() {
        phase = Phase.REGISTERED;
        log.event("Registered with CENTRAL as " + options.cpId());
        restateStatus();
        flushOutbox();
    }

    /** Central does not (or no longer) know this CP: start over with authentication at the next heartbeat. */
    private void refused(String what, String info) {
        log.event("CENTRAL refused the " + what + " of " + options.cpId() + ": " + info);
        authorized = false;
        authenticateAgain = true;
        phase = Phase.WAITING_FOR_APPROVAL;
    }

    // ---- What the Engine side reports ---------------------------------------------------------

    @Override
    public void engineFailed(String failureInfo) {
        if (phase == Phase.REGISTERED) {
            link.send(FaultNotification.of(options.cpId(), failureInfo));
            log.event("Fault reported to CENTRAL: " + failureInfo);
        }
    }

    @Override
    public void engineRecovered() {
        if (phase == Phase.REGISTERED) {
            link.send(RecoveryNotification.of(options.cpId(), RecoveryNotification.DEFAULT_RECOVERY_INFO));
        }
    }

    @Override
    public void statusMayHaveChanged() {
        Optional<ChargingPointState> status = state.status();
        if (registerWhenEngineKnown && status.isPresent() && link.isConnected()) {
            register();
            return;
        }
        if (phase == Phase.REGISTERED && status.isPresent() && status.get() != lastReported) {
            lastReported = status.get();
            link.send(StatusUpdate.of(options.cpId(), lastReported));
            log.event("Status " + lastReported + " reported to CENTRAL");
        }
    }

    /** After each registration the true state is reported, whatever was reported before (fixes 10.13). */
    @Override
    public void restateStatus() {
        lastReported = null;
        statusMayHaveChanged();
    }

    @Override
    public void relayTelemetry(ChargingData data) {
        // Not queued: the Engine publishes every tick to Kafka as well. Its message_id and seq are kept
        // so that Central recognises the Kafka copy of the same tick.
        if (phase == Phase.REGISTERED) {
            link.send(data.cpId() != null ? data : new ChargingData(data.messageId(), options.cpId(),
                    data.sessionId(), data.driverId(), data.energyConsumedKwh(), data.totalCost(), data.timestamp(),
                    data.seq()));
        }
    }

    @Override
    public void relayCompletion(ChargeCompletion completion) {
        outbox.add(completion);
        if (phase == Phase.REGISTERED) {
            flushOutbox();
        } else {
            log.event("Completion of session " + completion.sessionId() + " kept in the outbox until CENTRAL is back");
        }
    }

    /** Sends, oldest first, what waits in the outbox and was not sent on this connection yet. */
    private void flushOutbox() {
        for (ChargeCompletion completion : outbox.entries()) {
            if (sentOnThisConnection.add(completion.messageId()) && link.send(completion)) {
                log.event("Completion of session " + completion.sessionId() + " relayed to CENTRAL");
            }
        }
    }

    private void completionAnswered(Response response) {
        if (outbox.remove(response.messageId())) {
            log.event("CENTRAL answered completion " + response.messageId() + " (" + response.status()
                    + (response.info().isEmpty() ? "" : ": " + response.info()) + "); removed from the outbox");
        }
    }
}
