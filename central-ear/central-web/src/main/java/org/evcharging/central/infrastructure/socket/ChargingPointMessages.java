package org.evcharging.central.infrastructure.socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.Optional;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.FaultNotification;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.message.monitor.RecoveryNotification;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.application.MonitorReports;
import org.evcharging.central.application.PayloadKeys;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;

/** The CP life-cycle messages of a Monitor, answered with the first implementation's reply texts. */
@ApplicationScoped
class ChargingPointMessages {

    @Inject
    MonitorReports reports;

    @Inject
    PayloadKeys payloadKeys;

    void signOfLife(MonitorConnectionHandler connection) {
        reports.signOfLife(connection);
    }

    WireMessage authenticate(MonitorConnectionHandler connection, AuthRequest auth) {
        CpId id = CpId.of(auth.id());
        Optional<ChargingPoint> cp = reports.admit(connection, id, auth.credential(), auth.messageId());
        if (cp.isEmpty()) {
            return AuthResponse.pending(auth.messageId(), id.value());
        }
        AuthResponse admitted = AuthResponse.alreadyRegistered(auth.messageId(), id.value());
        // The Engine's Kafka records are signed with this key; a legacy CP gets none (TLS protects it when on).
        return payloadKeys.forAdmitted(connection, cp.get()).map(admitted::withPayloadKey).orElse(admitted);
    }

    WireMessage register(MonitorConnectionHandler connection, RegisterRequest register) {
        CpId id = CpId.of(register.id());
        boolean first = reports.register(connection, id, register.location(), register.pricePerKwh(),
                register.heartbeatInterval(), register.messageId());
        String info = first
                ? "charging point " + id + " registered successfully."
                : "charging point " + id + " reconnected and updated successfully.";
        return Response.success(MessageType.REGISTER_REQUEST, register.messageId(), info);
    }

    WireMessage heartbeat(MonitorConnectionHandler connection, HeartbeatRequest heartbeat) {
        CpId id = CpId.of(heartbeat.id());
        return switch (reports.heartbeat(connection, id, heartbeat.heartbeatInterval())) {
            case UNKNOWN_CP -> Response.failure(MessageType.HEARTBEAT_REQUEST, heartbeat.messageId(),
                    "Charging point " + id + " is not registered with heartbeat message.");
            case WAITING_FOR_AUTHORIZATION -> Response.success(MessageType.HEARTBEAT_REQUEST, heartbeat.messageId(),
                    "Heartbeat received, waiting for authorization before registration");
            case ALIVE -> Response.success(MessageType.HEARTBEAT_REQUEST, heartbeat.messageId(),
                    "Heartbeat received, last connection time updated successfully");
        };
    }

    WireMessage statusUpdate(MonitorConnectionHandler connection, StatusUpdate update) {
        CpId id = CpId.of(update.id());
        if (update.state().isEmpty()) {
            return Response.failure(MessageType.STATUS_UPDATE, update.messageId(), "Invalid status value: "
                    + update.status() + ". Valid statuses: ACTIVE, STOPPED, DISCONNECTED, CHARGING, FAULTY");
        }
        ChargingPointState reported = update.state().get();
        ChargingPoint cp = reports.status(connection, id, reported);
        String info = cp.isOperatorStopped()
                ? "Status update ignored: CP " + id + " is STOPPED by admin"
                : "Charging point " + id + " status updated to " + cp.state();
        return Response.success(MessageType.STATUS_UPDATE, update.messageId(), info);
    }

    WireMessage fault(MonitorConnectionHandler connection, FaultNotification fault) {
        CpId id = CpId.of(fault.id());
        ChargingPoint cp = reports.fault(connection, id, fault.failureInfo());
        String info = cp.isOperatorStopped()
                ? "Fault notification logged, but CP " + id + " is STOPPED by admin, status not changed"
                : "Fault notification logged, charging point " + id + " status updated to faulty";
        return Response.success(MessageType.FAULT_NOTIFICATION, fault.messageId(), info);
    }

    WireMessage recovery(MonitorConnectionHandler connection, RecoveryNotification recovery) {
        CpId id = CpId.of(recovery.id());
        ChargingPoint cp = reports.recovery(connection, id);
        String info = cp.isOperatorStopped()
                ? "Recovery notification logged, but CP " + id + " is STOPPED by admin, status not changed"
                : "Recovery notification processed, charging point " + id + " status updated to active";
        return Response.success(MessageType.RECOVERY_NOTIFICATION, recovery.messageId(), info);
    }

    void linkLost(MonitorConnectionHandler connection, IOException cause) {
        reports.linkLost(connection, cause == null ? "connection closed" : cause.getMessage());
    }
}
