package org.evcharging.central.infrastructure.socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

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
import org.evcharging.central.application.ChargingPointService;
import org.evcharging.central.application.ChargingPointService.Registered;
import org.evcharging.central.application.MonitorLink;
import org.evcharging.central.application.MonitorLinks;
import org.evcharging.central.application.SessionService;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.infrastructure.config.CentralConfig;

/** The CP life-cycle messages of a Monitor: who it is, whether it may join, and how its Engine is. */
@ApplicationScoped
class ChargingPointMessages {

    private static final Logger LOG = Logger.getLogger(ChargingPointMessages.class.getName());
    private static final int MAX_HEARTBEAT_SECONDS = 3600;

    @Inject
    ChargingPointService service;

    @Inject
    SessionService sessions;

    @Inject
    MonitorLinks links;

    @Inject
    CentralConfig config;

    /** Any message from a linked Monitor proves it is alive, not only heartbeats. */
    void signOfLife(MonitorConnectionHandler connection) {
        ownLink(connection).ifPresent(link -> link.seen(System.nanoTime()));
    }

    WireMessage authenticate(MonitorConnectionHandler connection, AuthRequest auth) {
        CpId id = CpId.of(auth.id());
        ChargingPointService.Authentication outcome = service.authenticate(id);
        MonitorLink link = bind(connection, id, null);
        if (outcome == ChargingPointService.Authentication.AUTHORIZED) {
            return AuthResponse.alreadyRegistered(auth.messageId(), id.value());
        }
        // Bound to the newest connection, so the approval reaches a Monitor that reconnected (quirk 10.16).
        link.pendingAuthMessageId(auth.messageId());
        LOG.info(() -> "CP " + id + " waits for an operator's authorization (" + connection.id() + ")");
        return AuthResponse.pending(auth.messageId(), id.value());
    }

    WireMessage register(MonitorConnectionHandler connection, RegisterRequest register) {
        CpId id = CpId.of(register.id());
        // A registration that announces no interval comes from a first-implementation Monitor: 30 s.
        Integer announced = heartbeatSeconds(register.heartbeatInterval());
        int heartbeat = announced != null ? announced : config.defaultHeartbeatSeconds();
        try {
            Registered registered = service.register(id, register.location(), MonitorProtocol.price(register.pricePerKwh()));
            bind(connection, id, heartbeat);
            ChargingPoint cp = registered.chargingPoint();
            LOG.info(() -> "CP " + id + " registered from " + connection.id() + ": " + cp.state());
            String info = registered.first()
                    ? "charging point " + id + " registered successfully."
                    : "charging point " + id + " reconnected and updated successfully.";
            return Response.success(MessageType.REGISTER_REQUEST, register.messageId(), info);
        } catch (ConflictException notAuthorized) {
            bind(connection, id, heartbeat).pendingAuthMessageId(register.messageId());
            throw notAuthorized;
        }
    }

    WireMessage heartbeat(MonitorConnectionHandler connection, HeartbeatRequest heartbeat) {
        CpId id = CpId.of(heartbeat.id());
        Integer interval = heartbeatSeconds(heartbeat.heartbeatInterval());
        MonitorLink link = ownLink(connection).filter(l -> l.cpId().equals(id)).orElse(null);
        if (link == null) {
            if (service.find(id).isEmpty()) {
                return Response.failure(MessageType.HEARTBEAT_REQUEST, heartbeat.messageId(),
                        "Charging point " + id + " is not registered with heartbeat message.");
            }
            throw new ConflictException("Charging point " + id + " must authenticate or register on this connection first");
        }
        if (interval != null) {
            link.heartbeatSeconds(interval);
        }
        String info = link.pendingAuthMessageId() != null
                ? "Heartbeat received, waiting for authorization before registration"
                : "Heartbeat received, last connection time updated successfully";
        return Response.success(MessageType.HEARTBEAT_REQUEST, heartbeat.messageId(), info);
    }

    WireMessage statusUpdate(MonitorConnectionHandler connection, StatusUpdate update) {
        CpId id = registeredOn(connection, update.id());
        Optional<ChargingPointState> reported = update.state();
        if (reported.isEmpty()) {
            return Response.failure(MessageType.STATUS_UPDATE, update.messageId(), "Invalid status value: "
                    + update.status() + ". Valid statuses: ACTIVE, STOPPED, DISCONNECTED, CHARGING, FAULTY");
        }
        ChargingPoint cp = service.reportStatus(id, reported.get());
        if (reported.get() == ChargingPointState.FAULTY) {
            sessions.engineFailed(id);
        }
        String info = cp.isOperatorStopped()
                ? "Status update ignored: CP " + id + " is STOPPED by admin"
                : "Charging point " + id + " status updated to " + cp.state();
        return Response.success(MessageType.STATUS_UPDATE, update.messageId(), info);
    }

    WireMessage fault(MonitorConnectionHandler connection, FaultNotification fault) {
        CpId id = registeredOn(connection, fault.id());
        LOG.warning(() -> "CP " + id + " reports a fault: " + fault.failureInfo());
        ChargingPoint cp = service.reportFault(id);
        sessions.engineFailed(id);
        String info = cp.isOperatorStopped()
                ? "Fault notification logged, but CP " + id + " is STOPPED by admin, status not changed"
                : "Fault notification logged, charging point " + id + " status updated to faulty";
        return Response.success(MessageType.FAULT_NOTIFICATION, fault.messageId(), info);
    }

    WireMessage recovery(MonitorConnectionHandler connection, RecoveryNotification recovery) {
        CpId id = registeredOn(connection, recovery.id());
        ChargingPoint cp = service.reportRecovery(id);
        String info = cp.isOperatorStopped()
                ? "Recovery notification logged, but CP " + id + " is STOPPED by admin, status not changed"
                : "Recovery notification processed, charging point " + id + " status updated to active";
        return Response.success(MessageType.RECOVERY_NOTIFICATION, recovery.messageId(), info);
    }

    /** The socket is gone. Only the connection that still owns the CP's link may disconnect it (10.15). */
    void linkLost(MonitorConnectionHandler connection, IOException cause) {
        CpId id = connection.cpId();
        if (links.unbind(id, connection)) {
            service.linkLost(id);
            sessions.monitorLost(id);
            LOG.warning(() -> "CP " + id + " DISCONNECTED: " + (cause == null ? "connection closed" : cause.getMessage()));
        }
    }

    private MonitorLink bind(MonitorConnectionHandler connection, CpId id, Integer heartbeatSeconds) {
        connection.speaksFor(id);
        int interval = heartbeatSeconds != null ? heartbeatSeconds
                : links.find(id).filter(l -> l.channel() == connection).map(MonitorLink::heartbeatSeconds)
                        .orElse(config.defaultHeartbeatSeconds());
        return links.bind(id, connection, interval, System.nanoTime());
    }

    private Optional<MonitorLink> ownLink(MonitorConnectionHandler connection) {
        CpId id = connection.cpId();
        return id == null ? Optional.empty() : links.find(id).filter(link -> link.channel() == connection);
    }

    /** Status, fault and recovery count only from the connection a registered CP speaks through (10.47). */
    private CpId registeredOn(MonitorConnectionHandler connection, String rawId) {
        CpId id = CpId.of(rawId);
        boolean registered = ownLink(connection).filter(l -> l.cpId().equals(id) && l.pendingAuthMessageId() == null).isPresent();
        if (!registered) {
            throw new ConflictException("Charging point " + id + " is not registered on this connection");
        }
        return id;
    }

    private static Integer heartbeatSeconds(Integer announced) {
        if (announced == null) {
            return null;
        }
        if (announced < 1 || announced > MAX_HEARTBEAT_SECONDS) {
            throw new IllegalArgumentException("heartbeat_interval must be between 1 and " + MAX_HEARTBEAT_SECONDS + " seconds");
        }
        return announced;
    }
}
