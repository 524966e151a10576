package org.evcharging.agent.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.engine.EngineOptions;
import org.evcharging.agent.monitor.MonitorOptions;

/** Options that make agents fast enough for tests: 100 ms ticks of 0.01 kWh, 0.2 s health checks, 1 s heartbeats. */
public final class TestAgents {

    public static final double KWH_PER_TICK = 0.01;
    public static final double PRICE = 0.25;
    public static final Duration HEALTH_INTERVAL = Duration.ofMillis(200);
    public static final int HEALTH_MISSES = 3;
    public static final int HEARTBEAT_SECONDS = 1;

    private TestAgents() {
    }

    /** 360 kW for 100 ms is 0.01 kWh per tick, as the design's 36 kW for 1 s. */
    public static EngineOptions engine(Path dataDir) {
        return EngineOptions.defaults(SharedKafka.bootstrapServers())
                .withListen(new HostPort("localhost", 0))
                .withDataDir(dataDir)
                .withTick(Duration.ofMillis(100))
                .withPowerKw(360)
                .withMaxChargingDuration(Duration.ofSeconds(60));
    }

    public static MonitorOptions monitor(HostPort engine, HostPort central, String cpId, Path dataDir) {
        return MonitorOptions.defaults(engine, central, cpId)
                .withTimings(HEARTBEAT_SECONDS, HEALTH_INTERVAL, HEALTH_MISSES, Duration.ofMillis(500))
                .withDataDir(dataDir)
                .withTariff("Test Street 1", PRICE)
                .withCredential(CREDENTIAL);
    }

    /** The credential the test Monitors present, as Central's registry would have issued it. */
    public static final String CREDENTIAL = "test-credential_0123456789";

    /** A CP id of its own for each test, so that records of other tests on the shared broker never count. */
    public static String uniqueCpId() {
        return "cp_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String uniqueId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The expected rounding of the messages: like Python's round on the exact binary value. */
    public static double round(double value, int places) {
        return new java.math.BigDecimal(value).setScale(places, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }
}
