package org.evcharging.agent.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * How energy is counted: a fixed amount per tick ({@code power × tick}), and a supply ends after the
 * number of ticks that fill the maximum charging duration. Counting ticks rather than wall-clock
 * time means a slow disk or broker can never shorten a supply (10.40).
 *
 * @param kwhPerTick energy delivered by one tick
 * @param maxTicks ticks after which a supply ends ({@code max_duration})
 */
public record Metering(Duration tick, double kwhPerTick, long maxTicks) {

    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    public static Metering of(double powerKw, Duration tick, Duration maxDuration) {
        long ticks = Math.max(1, (maxDuration.toMillis() + tick.toMillis() - 1) / tick.toMillis());
        return new Metering(tick, powerKw * tick.toMillis() / MILLIS_PER_HOUR, ticks);
    }

    /** Energy as messages carry it: 3 decimals, rounded half-even on the exact binary value, like Python's round. */
    public static double energyForMessage(double kwh) {
        return round(kwh, 3);
    }

    /** Cost as messages carry it: 2 decimals (§5.6). */
    public static double costForMessage(double euros) {
        return round(euros, 2);
    }

    private static double round(double value, int places) {
        return new BigDecimal(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }
}
