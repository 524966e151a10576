package org.evcharging.agent.engine;

import java.io.IOException;
import java.util.logging.Logger;

import org.evcharging.agent.console.EventLog;
import org.evcharging.agent.runtime.EventLoop;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.engine.CommandResponse;
import org.evcharging.api.message.engine.ErrorResponse;
import org.evcharging.api.message.engine.HealthCheckRequest;
import org.evcharging.api.message.engine.HealthCheckResponse;
import org.evcharging.api.message.engine.InitCpId;
import org.evcharging.api.message.engine.PayloadKey;
import org.evcharging.api.message.engine.StopChargingCommand;
import org.evcharging.api.message.monitor.ResumeCpCommand;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.net.FrameConnection;
import org.evcharging.api.net.FrameServer;
import org.evcharging.api.protocol.FrameRejection;

/**
 * The Engine's side of one Monitor connection (§3.3): reads each frame, hands it to the
 * {@link ChargingEngine} on the Engine's loop, and answers on the same connection. A bad frame or
 * message is logged and answered where the protocol has an answer; the connection stays up.
 */
final class MonitorConnectionHandler implements FrameServer.Handler {

    private static final Logger LOG = Logger.getLogger(MonitorConnectionHandler.class.getName());
    static final String UNKNOWN_DRIVER = "unknown_driver";
    private static final String NOT_BOUND = "This connection is not the CP's Monitor: send init_cp_id first";

    private final ChargingEngine engine;
    private final EventLoop loop;
    private final EventLog log;
    private final MonitorChannel channel;

    MonitorConnectionHandler(FrameConnection connection, ChargingEngine engine, EventLoop loop, EventLog log) {
        this.engine = engine;
        this.loop = loop;
        this.log = log;
        this.channel = new MonitorChannel() {
            @Override
            public String id() {
                return connection.id();
            }

            @Override
            public boolean send(WireMessage message) {
                return connection.send(MessageCodec.toBytes(message));
            }

            @Override
            public boolean isOpen() {
                return connection.isOpen();
            }
        };
        LOG.fine(() -> "Connection from " + connection.id());
    }

    @Override
    public void onFrame(FrameConnection connection, byte[] payload) {
        loop.execute(() -> channel.send(answer(payload)));
    }

    @Override
    public void onRejected(FrameConnection connection, FrameRejection rejection) {
        LOG.warning(() -> "Skipping a bad frame from " + connection.id() + ": " + rejection.detail());
    }

    @Override
    public void onClosed(FrameConnection connection, IOException cause) {
        loop.execute(() -> engine.monitorClosed(channel));
    }

    private WireMessage answer(byte[] payload) {
        ParseResult result = MessageCodec.parse(payload);
        if (result instanceof ParseResult.Invalid invalid) {
            LOG.warning(() -> "Skipping a bad message from " + channel.id() + ": " + invalid.detail());
            return rejection(invalid);
        }
        WireMessage message = ((ParseResult.Parsed) result).message();
        if (message instanceof HealthCheckRequest request) {
            return HealthCheckResponse.reply(request.messageId(), engine.state(), engine.energyFlows());
        }
        if (message instanceof InitCpId init) {
            return engine.bindMonitor(channel, init.cpId())
                    ? CommandResponse.success(init.messageId(), "CP_ID set to " + init.cpId()).withCpId(init.cpId())
                    : CommandResponse.failure(init.messageId(), "CP_ID already initialized").withCpId(engine.cpId());
        }
        if (message instanceof PayloadKey key) {
            return engine.payloadKey(channel, key.cpId(), key.key())
                    ? CommandResponse.success(key.messageId(), "Payload key " + key.keyId() + " in use").withCpId(key.cpId())
                    : CommandResponse.failure(key.messageId(), NOT_BOUND);
        }
        if (message instanceof StartChargingCommand start) {
            return start(start);
        }
        if (message instanceof StopChargingCommand stop) {
            return stop(stop);
        }
        if (message instanceof ResumeCpCommand resume) {
            if (!engine.isBound(channel)) {
                return CommandResponse.failure(resume.messageId(), NOT_BOUND);
            }
            if (!resume.cpId().equals(engine.cpId())) {
                return CommandResponse.failure(resume.messageId(),
                        "CP_ID mismatch: expected " + engine.cpId() + ", got " + resume.cpId());
            }
            boolean wasFaulted = engine.resumeService();
            return CommandResponse.success(resume.messageId(), "CP " + resume.cpId() + " resumed"
                    + (wasFaulted ? ", manual FAULTY mode cleared" : "")).withCpId(resume.cpId());
        }
        return ErrorResponse.unknownType(message.messageId(), message.type());
    }

    private CommandResponse start(StartChargingCommand command) {
        String refusal = engine.isBound(channel) ? engine.startRefusal(command.cpId(), command.pricePerKwh()) : NOT_BOUND;
        if (refusal != null) {
            log.event("Start of session " + command.sessionId() + " refused: " + refusal);
            CommandResponse failure = CommandResponse.failure(command.messageId(), refusal);
            String current = engine.currentSessionId();
            return current == null ? failure : failure.withSessionId(current);
        }
        Supply supply = engine.startSupply(command.sessionId(),
                command.driverId() == null ? UNKNOWN_DRIVER : command.driverId(),
                command.pricePerKwh() == null ? 0.0 : command.pricePerKwh());
        String text = supply.plugged() ? "Charging started" : "Charging authorized, waiting for the vehicle to be plugged in";
        return CommandResponse.success(command.messageId(), text).withSessionId(supply.sessionId());
    }

    private CommandResponse stop(StopChargingCommand command) {
        if (!engine.isBound(channel)) {
            return CommandResponse.failure(command.messageId(), NOT_BOUND);
        }
        if (command.emergencyStop()) {
            String stopped = engine.emergencyStop();
            return stopped == null
                    ? CommandResponse.success(command.messageId(), "No active session to stop, CP service suspended")
                    : CommandResponse.success(command.messageId(),
                            "Emergency stop: charging session " + stopped + " stopped, CP service suspended")
                            .withSessionId(stopped);
        }
        return engine.stopSession(command.sessionId())
                ? CommandResponse.success(command.messageId(), "Charging stopped").withSessionId(command.sessionId())
                : CommandResponse.failure(command.messageId(), "No active charging session or session ID mismatch")
                        .withSessionId(command.sessionId());
    }

    /** Commands with missing or mistyped fields get a command_response; anything else an error_response (§3.3). */
    private static WireMessage rejection(ParseResult.Invalid invalid) {
        boolean command = invalid.knownType().map(MonitorConnectionHandler::isCommand).orElse(false);
        if (command) {
            return CommandResponse.failure(invalid.messageId(), invalid.detail());
        }
        return switch (invalid.reason()) {
            case UNKNOWN_TYPE -> ErrorResponse.unknownType(invalid.messageId(), invalid.type());
            case MISSING_TYPE -> ErrorResponse.unknownType(invalid.messageId(), "None");
            default -> ErrorResponse.of(invalid.messageId(), invalid.detail());
        };
    }

    private static boolean isCommand(MessageType type) {
        return type == MessageType.INIT_CP_ID || type == MessageType.START_CHARGING_COMMAND
                || type == MessageType.STOP_CHARGING_COMMAND || type == MessageType.RESUME_CP_COMMAND;
    }
}
