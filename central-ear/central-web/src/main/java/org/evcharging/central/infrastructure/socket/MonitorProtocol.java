package org.evcharging.central.infrastructure.socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.FaultNotification;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.message.monitor.RecoveryNotification;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.shared.DomainException;

/**
 * The Monitor protocol adapter (wire-format §3.1/§3.2): every frame is parsed, dispatched to the
 * application, and answered on the same connection with the first implementation's reply type and
 * text. Anything wrong with a message gets one failure reply and changes nothing; a failure never
 * closes the connection or touches another one.
 */
@ApplicationScoped
public class MonitorProtocol {

    private static final Logger LOG = Logger.getLogger(MonitorProtocol.class.getName());

    @Inject
    ChargingPointMessages chargingPoints;

    @Inject
    SessionMessages sessions;

    void handle(MonitorConnectionHandler connection, byte[] payload) {
        ParseResult parsed = MessageCodec.parse(payload);
        if (parsed instanceof ParseResult.Invalid invalid) {
            LOG.warning(() -> "Rejected message from " + connection.describe() + ": " + invalid.reason() + " - " + invalid.detail());
            connection.send(Response.rejecting(invalid));
            return;
        }
        WireMessage message = ((ParseResult.Parsed) parsed).message();
        MessageType type = MessageType.fromWire(message.type()).orElseThrow();
        Optional<WireMessage> reply;
        try {
            reply = dispatch(connection, message, type);
        } catch (DomainException refusal) {
            LOG.info(() -> "Refused " + type.wire() + " from " + connection.describe() + ": " + refusal.getMessage());
            reply = Optional.of(Response.failure(type, message.messageId(), refusal.getMessage()));
        } catch (RuntimeException bug) {
            // A bug, not a refusal: the Monitor learns that it failed, the log keeps the details.
            LOG.log(Level.SEVERE, "Failed to process " + type.wire() + " from " + connection.describe(), bug);
            reply = Optional.of(Response.failure(type, message.messageId(),
                    "Error occurred while processing message; Central logged the details"));
        }
        reply.ifPresent(connection::send);
    }

    /** Any frame from a linked Monitor proves it alive, when it arrives (on the gateway's selector thread). */
    void arrived(MonitorConnectionHandler connection) {
        chargingPoints.signOfLife(connection);
    }

    private Optional<WireMessage> dispatch(MonitorConnectionHandler connection, WireMessage message, MessageType type) {
        if (message instanceof AuthRequest auth) {
            return Optional.of(chargingPoints.authenticate(connection, auth));
        }
        if (message instanceof RegisterRequest register) {
            return Optional.of(chargingPoints.register(connection, register));
        }
        if (message instanceof HeartbeatRequest heartbeat) {
            return Optional.of(chargingPoints.heartbeat(connection, heartbeat));
        }
        if (message instanceof StatusUpdate status) {
            return Optional.of(chargingPoints.statusUpdate(connection, status));
        }
        if (message instanceof FaultNotification fault) {
            return Optional.of(chargingPoints.fault(connection, fault));
        }
        if (message instanceof RecoveryNotification recovery) {
            return Optional.of(chargingPoints.recovery(connection, recovery));
        }
        if (message instanceof ChargingData data) {
            return Optional.of(sessions.telemetry(data));
        }
        if (message instanceof ChargeCompletion completion) {
            return Optional.of(sessions.completion(completion));
        }
        // Driver requests travel on Kafka and operator commands through the admin API (quirk 10.37).
        LOG.info(() -> "Ignored " + type.wire() + " from " + connection.describe() + ": not a Monitor message");
        return Optional.of(Response.unknownType(type.wire(), message.messageId()));
    }

    void connectionLost(MonitorConnectionHandler connection, IOException cause) {
        CpId cpId = connection.cpId();
        if (cpId == null) {
            return;
        }
        try {
            chargingPoints.linkLost(connection, cause);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not record the loss of CP " + cpId, e);
        }
    }
}
