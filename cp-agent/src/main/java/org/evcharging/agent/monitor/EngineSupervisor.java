package org.evcharging.agent.monitor;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

import org.evcharging.agent.console.EventLog;
import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.runtime.EventLoop;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.engine.CommandResponse;
import org.evcharging.api.message.engine.ErrorResponse;
import org.evcharging.api.message.engine.HealthCheckRequest;
import org.evcharging.api.message.engine.HealthCheckResponse;
import org.evcharging.api.message.engine.InitCpId;
import org.evcharging.api.message.engine.PayloadKey;
import org.evcharging.api.security.PayloadSignature;
import org.evcharging.api.message.engine.StopChargingCommand;
import org.evcharging.api.message.monitor.ResumeCpCommand;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.monitor.StopChargingSessionCommand;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.api.model.ChargingPointState;

/**
 * The Monitor's Engine side (§3.3/§3.4): introduces the CP with {@code init_cp_id}, checks the
 * Engine's health every interval, turns a KO, a silence or a lost link into a fault at once,
 * passes Central's commands on and the Engine's telemetry and completions back. Runs on the loop.
 */
final class EngineSupervisor implements ReconnectingLink.Listener {

    private static final Logger LOG = Logger.getLogger(EngineSupervisor.class.getName());
    /** A just-started Engine JVM may take a moment to answer its first messages. */
    static final Duration HANDSHAKE_GRACE = Duration.ofSeconds(5);

    private final MonitorOptions options;
    private final EventLoop loop;
    private final EventLog log;
    private final LocalState state;
    private final ReconnectingLink link;
    private final Map<String, String> commandsAwaitingAnswer = new HashMap<>();
    private CentralReporter central;
    private ScheduledFuture<?> healthChecks;
    private int unanswered;
    private boolean initAccepted;
    private Instant lastAnswer;
    private Instant connectedAt = Instant.EPOCH;
    /** Central's payload key for this CP, handed to every Engine connection; null until Central issues one. */
    private PayloadSignature.Key payloadKey;
    private Instant lastCheckSent = Instant.EPOCH;
    /**
     * False until the Engine was first reached or the start-up grace ran out: started together, the
     * Monitor usually tries before the Engine listens, and that refusal says nothing of its health.
     */
    private boolean engineDue;

    EngineSupervisor(MonitorOptions options, EventLoop loop, EventLog log, LocalState state) {
        this.options = options;
        this.loop = loop;
        this.log = log;
        this.state = state;
        this.link = new ReconnectingLink("ENGINE", options.engine(), options.reconnectMax(), loop, this);
    }

    void reportTo(CentralReporter reporter) {
        this.central = reporter;
    }

    ReconnectingLink link() {
        return link;
    }

    /** Connects, and gives a not yet listening Engine the silence its health checks would allow. */
    void start() {
        link.start();
        loop.after(startUpGrace(), () -> {
            if (!engineDue) {
                engineDue = true;
                if (!link.isConnected()) {
                    changeHealth(EngineHealth.faulty(EngineHealth.CONNECTION_LOST));
                }
            }
        });
    }

    /**
     * Central issued the CP's payload key: the Engine gets it now if linked, and after every
     * {@code init_cp_id} from now on (an Engine that restarted has forgotten it).
     */
    void payloadKey(PayloadSignature.Key key) {
        boolean changed = !key.equals(payloadKey);
        payloadKey = key;
        if (changed && link.isConnected()) {
            sendCommand(PayloadKey.of(options.cpId(), key), "payload_key");
        }
    }

    Instant lastAnswer() {
        return lastAnswer;
    }

    // ---- Link events --------------------------------------------------------------------------

    @Override
    public void onConnected() {
        log.event("Connected to ENGINE at " + options.engine());
        engineDue = true;
        unanswered = 0;
        initAccepted = false;
        connectedAt = Instant.now();
        lastCheckSent = Instant.EPOCH;
        commandsAwaitingAnswer.clear();
        sendCommand(InitCpId.of(options.cpId()), "init_cp_id");
        if (payloadKey != null) {
            sendCommand(PayloadKey.of(options.cpId(), payloadKey), "payload_key");
        }
        if (state.stoppedByOperator()) {
            // The operator's stop outlives an Engine restart.
            sendCommand(StopChargingCommand.emergency(options.cpId()), "emergency stop");
        }
        healthChecks = loop.every(Duration.ZERO, options.healthInterval(), this::checkHealth);
    }

    @Override
    public void onFrame(byte[] payload) {
        ParseResult result = MessageCodec.parse(payload);
        if (result instanceof ParseResult.Invalid invalid) {
            LOG.warning(() -> "Skipping a bad message from ENGINE: " + invalid.detail());
            return;
        }
        WireMessage message = ((ParseResult.Parsed) result).message();
        if (message instanceof HealthCheckResponse health) {
            answered(health);
        } else if (message instanceof CommandResponse response) {
            commandAnswered(response);
        } else if (message instanceof ChargingData data) {
            central.relayTelemetry(data);
        } else if (message instanceof ChargeCompletion completion) {
            log.event("ENGINE completed session " + completion.sessionId() + " ended_by=" + completion.endedBy());
            central.relayCompletion(completion);
        } else if (message instanceof ErrorResponse error) {
            LOG.warning(() -> "ENGINE answered an error: " + error.error());
        } else {
            LOG.warning(() -> "Ignoring an unexpected " + message.type() + " from ENGINE");
        }
    }

    @Override
    public void onLost(IOException cause) {
        stopHealthChecks();
        log.event("Lost connection to ENGINE at " + options.engine() + (cause == null ? "" : " (" + cause.getMessage() + ")"));
        changeHealth(EngineHealth.faulty(EngineHealth.CONNECTION_LOST));
    }

    @Override
    public void onConnectFailed(HostPort address, IOException cause, boolean firstOfOutage) {
        if (firstOfOutage) {
            log.event("Cannot connect to ENGINE at " + options.engine() + " (" + cause.getMessage() + "); retrying");
        }
        if (engineDue) {
            changeHealth(EngineHealth.faulty(EngineHealth.CONNECTION_LOST));
        }
    }

    // ---- Health -------------------------------------------------------------------------------

    /**
     * Silence for {@code misses} checks in a row is a fault; until the Engine has answered
     * {@code init_cp_id} on a new connection, it gets the longer of that and {@link #HANDSHAKE_GRACE}.
     */
    private void checkHealth() {
        Instant now = Instant.now();
        if (Duration.between(lastCheckSent, now).compareTo(options.healthInterval().dividedBy(2)) < 0) {
            // A catch-up run after a pause of this JVM: the Engine had no time to answer the check before.
            return;
        }
        boolean inHandshake = !initAccepted && Duration.between(connectedAt, now).compareTo(startUpGrace()) < 0;
        if (unanswered >= options.healthMisses() && !inHandshake) {
            changeHealth(EngineHealth.faulty(EngineHealth.HEALTH_CHECK_TIMEOUT));
        }
        if (link.send(HealthCheckRequest.of(options.cpId()))) {
            unanswered++;
            lastCheckSent = now;
        }
    }

    /** The silence allowed to a just-started Engine: {@code misses} checks, at least {@link #HANDSHAKE_GRACE}. */
    private Duration startUpGrace() {
        Duration window = options.healthInterval().multipliedBy(options.healthMisses());
        return window.compareTo(HANDSHAKE_GRACE) > 0 ? window : HANDSHAKE_GRACE;
    }

    /** Solicited or pushed: either way a sign of life, and the Engine's own word on its state. */
    private void answered(HealthCheckResponse health) {
        if (!initAccepted) {
            return;
        }
        unanswered = 0;
        lastAnswer = Instant.now();
        ChargingPointState reported = health.engineState().orElse(null);
        if (reported == ChargingPointState.ACTIVE || reported == ChargingPointState.CHARGING) {
            changeHealth(EngineHealth.healthy(reported));
        } else {
            // Anything but ACTIVE or CHARGING is a KO, as for the first implementation's Monitor.
            changeHealth(EngineHealth.faulty(EngineHealth.REPORTED_KO
                    + (reported == ChargingPointState.FAULTY ? "" : " (state " + health.engineStatus() + ")")));
        }
    }

    private void changeHealth(EngineHealth next) {
        EngineHealth previous = state.engineHealth();
        if (previous.equals(next)) {
            return;
        }
        state.engineHealth(next);
        if (next.isFaulty() && !previous.isFaulty()) {
            log.event("ENGINE fault: " + next.failureInfo());
            central.engineFailed(next.failureInfo());
        } else if (previous.isFaulty() && !next.isFaulty()) {
            log.event("ENGINE healthy again");
            central.engineRecovered();
        }
        central.statusMayHaveChanged();
    }

    private void stopHealthChecks() {
        if (healthChecks != null) {
            healthChecks.cancel(false);
            healthChecks = null;
        }
        initAccepted = false;
    }

    // ---- Commands -----------------------------------------------------------------------------

    /** Passes Central's start on with a fresh message id, as the first implementation does. */
    void start(StartChargingCommand fromCentral) {
        if (state.stoppedByOperator()) {
            // The Engine obeys any start, as the first implementation's does (10.19): the stop is held here.
            log.event("Start of session " + fromCentral.sessionId() + " not passed on: the operator stopped this CP");
            central.restateStatus();
            return;
        }
        StartChargingCommand command = new StartChargingCommand(Stamps.newMessageId(), fromCentral.timestamp(),
                fromCentral.cpId(), fromCentral.sessionId(), fromCentral.driverId(), fromCentral.pricePerKwh());
        if (forward(command, "start of session " + fromCentral.sessionId())) {
            log.event("Start of session " + fromCentral.sessionId() + " (driver " + fromCentral.driverId()
                    + ") forwarded to ENGINE");
        }
    }

    void stopSession(StopChargingSessionCommand fromCentral) {
        if (forward(StopChargingCommand.forSession(fromCentral.messageId(), options.cpId(), fromCentral.sessionId()),
                "stop of session " + fromCentral.sessionId())) {
            log.event("Stop of session " + fromCentral.sessionId() + " forwarded to ENGINE");
        }
    }

    /** The operator's stop; remembered, so an Engine that is away now gets it when it is back. */
    void emergencyStop(String centralMessageId) {
        forward(StopChargingCommand.emergency(centralMessageId, options.cpId()), "emergency stop");
    }

    void resume(ResumeCpCommand fromCentral) {
        forward(fromCentral, "resume");
    }

    private boolean forward(WireMessage command, String what) {
        if (!initAccepted || !link.isConnected()) {
            log.event("Cannot pass on the " + what + ": ENGINE not connected");
            central.restateStatus();
            return false;
        }
        return sendCommand(command, what);
    }

    private boolean sendCommand(WireMessage command, String what) {
        commandsAwaitingAnswer.put(command.messageId(), what);
        return link.send(command);
    }

    private void commandAnswered(CommandResponse response) {
        String what = commandsAwaitingAnswer.remove(response.messageId());
        if ("init_cp_id".equals(what)) {
            initAccepted = response.succeeded();
            if (!initAccepted) {
                log.event("ENGINE refused init_cp_id: " + response.message() + "; reconnecting later");
                link.reconnect();
            }
            return;
        }
        if (response.succeeded()) {
            LOG.fine(() -> "ENGINE did the " + what + ": " + response.message());
        } else {
            log.event("ENGINE refused the " + (what == null ? "command" : what) + ": " + response.message());
            central.restateStatus();
        }
    }
}
