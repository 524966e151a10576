package org.evcharging.agent.monitor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.config.HostPortList;

/**
 * How a Monitor runs.
 *
 * @param central Central's monitor gateways in order of preference: the Monitor fails over among them
 * @param heartbeatSeconds period of heartbeats to Central, announced in them so Central judges liveness by it
 * @param healthMisses unanswered health checks in a row after which the Engine counts as failed
 * @param reconnectMax the longest wait between two connection attempts (the wait doubles from 0.5 s)
 * @param dataDir where the outbox of undelivered completions lives
 * @param credential the CP's secret from Central's registry, presented on every connection; null for a
 *                   CP admitted by id alone (legacy)
 * @param centralTls TLS to Central, or null for the plain socket of the first implementation
 */
public record MonitorOptions(HostPort engine, HostPortList central, String cpId, String location, double pricePerKwh,
                             int heartbeatSeconds, Duration healthInterval, int healthMisses, Duration reconnectMax,
                             Path dataDir, boolean debug, String credential, CentralTls centralTls) {

    public static final String DEFAULT_LOCATION = "Unknown";
    public static final double DEFAULT_PRICE = 0.20;
    public static final int DEFAULT_HEARTBEAT_SECONDS = 5;
    public static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_HEALTH_MISSES = 3;
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(5);

    public MonitorOptions {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(central, "central");
        Objects.requireNonNull(cpId, "cpId");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    public static MonitorOptions defaults(HostPort engine, HostPort central, String cpId) {
        return defaults(engine, HostPortList.of(central), cpId);
    }

    public static MonitorOptions defaults(HostPort engine, HostPortList central, String cpId) {
        return new MonitorOptions(engine, central, cpId, DEFAULT_LOCATION, DEFAULT_PRICE, DEFAULT_HEARTBEAT_SECONDS,
                DEFAULT_HEALTH_INTERVAL, DEFAULT_HEALTH_MISSES, DEFAULT_RECONNECT_MAX, defaultDataDir(cpId), false, null, null);
    }

    public static Path defaultDataDir(String cpId) {
        return Path.of("cp-data", cpId);
    }

    public MonitorOptions withTimings(int heartbeat, Duration health, int misses, Duration reconnect) {
        return new MonitorOptions(engine, central, cpId, location, pricePerKwh, heartbeat, health, misses, reconnect,
                dataDir, debug, credential, centralTls);
    }

    public MonitorOptions withDataDir(Path value) {
        return new MonitorOptions(engine, central, cpId, location, pricePerKwh, heartbeatSeconds, healthInterval,
                healthMisses, reconnectMax, value, debug, credential, centralTls);
    }

    public MonitorOptions withCredential(String value) {
        return new MonitorOptions(engine, central, cpId, location, pricePerKwh, heartbeatSeconds, healthInterval,
                healthMisses, reconnectMax, dataDir, debug, value, centralTls);
    }

    /** Never the secret: options are logged. */
    @Override
    public String toString() {
        return "MonitorOptions[engine=" + engine + ", central=" + central + ", cpId=" + cpId + ", location=" + location
                + ", pricePerKwh=" + pricePerKwh + ", heartbeatSeconds=" + heartbeatSeconds + ", dataDir=" + dataDir
                + ", credential=" + (credential == null ? "none" : "***") + ", centralTls=" + centralTls + "]";
    }

    public MonitorOptions withTariff(String newLocation, double newPrice) {
        return new MonitorOptions(engine, central, cpId, newLocation, newPrice, heartbeatSeconds, healthInterval,
                healthMisses, reconnectMax, dataDir, debug, credential, centralTls);
    }

    public MonitorOptions withCentralTls(CentralTls value) {
        return new MonitorOptions(engine, central, cpId, location, pricePerKwh, heartbeatSeconds, healthInterval,
                healthMisses, reconnectMax, dataDir, debug, credential, value);
    }
}
