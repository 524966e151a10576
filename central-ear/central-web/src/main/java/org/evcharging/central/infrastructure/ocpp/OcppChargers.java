package org.evcharging.central.infrastructure.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evcharging.central.application.MonitorReports;
import org.evcharging.central.application.OcppStations;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.infrastructure.socket.SerialExecutor;

/**
 * The chargers connected over OCPP: opens and closes their connections, and finds one for the
 * operator's OCPP-only commands (Reset, TriggerMessage). Which connection speaks for a CP in the
 * application is still decided by {@code MonitorLinks}, as for course CPs.
 */
@ApplicationScoped
public class OcppChargers {

    private static final Logger LOG = Logger.getLogger(OcppChargers.class.getName());

    @Inject
    OcppActions actions;

    @Inject
    OcppStations stations;

    @Inject
    MonitorReports reports;

    /** How long Central waits for a charger's answer to one of its CALLs. */
    @Inject
    @ConfigProperty(name = "ocpp.call.timeout.seconds", defaultValue = "30")
    long callTimeoutSeconds;

    @Resource
    ManagedExecutorService pool;

    private final Map<CpId, OcppConnection> connections = new ConcurrentHashMap<>();

    OcppConnection opened(CpId id, OcppConnection.Socket socket) {
        OcppConnection connection = new OcppConnection(id, socket, actions, stations, Duration.ofSeconds(callTimeoutSeconds),
                new SerialExecutor(pool));
        OcppConnection previous = connections.put(id, connection);
        if (previous != null) {
            // The charger reconnected: its old socket is dead to it, whatever the server believes.
            previous.close();
        }
        LOG.info(() -> "OCPP charger " + connection.describe() + " connected");
        return connection;
    }

    void closed(OcppConnection connection, String cause) {
        connection.closed();
        connections.remove(connection.cpId(), connection);
        reports.linkLost(connection, cause);
        LOG.info(() -> "OCPP charger " + connection.describe() + " disconnected: " + cause);
    }

    /** Sends a CALL to a connected charger; empty when none is connected for {@code id}. */
    public Optional<CompletableFuture<JsonNode>> call(CpId id, String action, Object payload) {
        return Optional.ofNullable(connections.get(id)).map(connection -> connection.call(action, payload));
    }

    public boolean isConnected(CpId id) {
        return connections.containsKey(id);
    }

    public int size() {
        return connections.size();
    }
}
