package org.evcharging.agent.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.evcharging.agent.config.HostPort;

/**
 * How an Engine runs.
 *
 * @param brokerAddress Kafka bootstrap servers, {@code host:port[,host:port...]}
 * @param listen where Monitors connect; port 0 lets the system choose
 * @param dataDir where the state file lives; null means {@code ./cp-data/<port>}
 */
public record EngineOptions(String brokerAddress, HostPort listen, Duration maxChargingDuration, Duration tick,
                            double powerKw, Path dataDir, PlugMode plugMode, boolean debug) {

    public static final HostPort DEFAULT_LISTEN = new HostPort("localhost", 6000);
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);
    /** 36 kW for 1 s is 0.01 kWh, the first implementation's increment per tick. */
    public static final double DEFAULT_POWER_KW = 36.0;

    public EngineOptions {
        Objects.requireNonNull(brokerAddress, "brokerAddress");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(plugMode, "plugMode");
    }

    public static EngineOptions defaults(String brokerAddress) {
        return new EngineOptions(brokerAddress, DEFAULT_LISTEN, DEFAULT_MAX_DURATION, DEFAULT_TICK, DEFAULT_POWER_KW,
                null, PlugMode.AUTO, false);
    }

    public Metering metering() {
        return Metering.of(powerKw, tick, maxChargingDuration);
    }

    /** The data directory once the port is known. */
    public Path dataDirFor(int boundPort) {
        return dataDir != null ? dataDir : Path.of("cp-data", Integer.toString(boundPort));
    }

    public EngineOptions withListen(HostPort value) {
        return new EngineOptions(brokerAddress, value, maxChargingDuration, tick, powerKw, dataDir, plugMode, debug);
    }

    public EngineOptions withMaxChargingDuration(Duration value) {
        return new EngineOptions(brokerAddress, listen, value, tick, powerKw, dataDir, plugMode, debug);
    }

    public EngineOptions withTick(Duration value) {
        return new EngineOptions(brokerAddress, listen, maxChargingDuration, value, powerKw, dataDir, plugMode, debug);
    }

    public EngineOptions withPowerKw(double value) {
        return new EngineOptions(brokerAddress, listen, maxChargingDuration, tick, value, dataDir, plugMode, debug);
    }

    public EngineOptions withDataDir(Path value) {
        return new EngineOptions(brokerAddress, listen, maxChargingDuration, tick, powerKw, value, plugMode, debug);
    }

    public EngineOptions withPlugMode(PlugMode value) {
        return new EngineOptions(brokerAddress, listen, maxChargingDuration, tick, powerKw, dataDir, value, debug);
    }
}
