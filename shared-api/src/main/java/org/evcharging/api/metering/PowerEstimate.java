package org.evcharging.api.metering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The live power of one charge, estimated from how fast its cumulative energy rises: readings
 * carry energy, not power. The rate is taken over a short window of readings rather than between
 * the last two only, so one reading that arrives late (a Kafka batch, a busy thread) does not make
 * the figure jump. Until two distinct readings exist there is no figure rather than a guess.
 *
 * <p>Immutable: the panel keeps one per session in a concurrent map and the portal one per track,
 * and neither needs a lock.
 */
public final class PowerEstimate {

    /** Three ticks of the default one-second Engine tick. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(3);
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private record Reading(double energyKwh, long atMillis) {
    }

    private final long windowMillis;
    private final List<Reading> readings;

    private PowerEstimate(long windowMillis, List<Reading> readings) {
        this.windowMillis = windowMillis;
        this.readings = readings;
    }

    /** No readings yet, over {@link #DEFAULT_WINDOW}. */
    public static PowerEstimate none() {
        return over(DEFAULT_WINDOW);
    }

    public static PowerEstimate over(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The window must be positive: " + window);
        }
        return new PowerEstimate(window.toMillis(), List.of());
    }

    /**
     * The estimate after a reading of the cumulative {@code energyKwh} taken at {@code atMillis}.
     * A reading that adds no energy or no time (a duplicate, a stale update delivered late) is no
     * news and leaves the estimate as it was.
     */
    public PowerEstimate withReading(double energyKwh, long atMillis) {
        if (!readings.isEmpty()) {
            Reading last = readings.get(readings.size() - 1);
            if (energyKwh <= last.energyKwh() || atMillis <= last.atMillis()) {
                return this;
            }
        }
        List<Reading> next = new ArrayList<>(readings);
        next.add(new Reading(energyKwh, atMillis));
        // Two readings always stay, however far apart: a slow tick still has a rate.
        while (next.size() > 2 && atMillis - next.get(0).atMillis() > windowMillis) {
            next.remove(0);
        }
        return new PowerEstimate(windowMillis, List.copyOf(next));
    }

    /** kW over the window; empty until two distinct readings were seen. */
    public OptionalDouble kw() {
        if (readings.size() < 2) {
            return OptionalDouble.empty();
        }
        Reading first = readings.get(0);
        Reading last = readings.get(readings.size() - 1);
        double hours = (last.atMillis() - first.atMillis()) / MILLIS_PER_HOUR;
        return OptionalDouble.of((last.energyKwh() - first.energyKwh()) / hours);
    }
}
