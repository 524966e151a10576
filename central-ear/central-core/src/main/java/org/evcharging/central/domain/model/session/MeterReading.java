package org.evcharging.central.domain.model.session;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.evcharging.central.domain.shared.InvalidInputException;

/**
 * A CP's meter as a session sees it: energy and cost so far. Readings are cumulative, so the one
 * with more energy is the newer one whatever order they arrive in, and a reading that arrives twice
 * (through the Monitor and through Kafka) counts once (quirk 10.1).
 */
public record MeterReading(BigDecimal energyKwh, BigDecimal cost) {

    public static final int ENERGY_SCALE = 3;
    public static final int COST_SCALE = 2;
    public static final MeterReading ZERO = new MeterReading(BigDecimal.ZERO, BigDecimal.ZERO);

    public MeterReading {
        energyKwh = energyKwh.setScale(ENERGY_SCALE, RoundingMode.HALF_UP);
        cost = cost.setScale(COST_SCALE, RoundingMode.HALF_UP);
    }

    /** A reading as the wire carries it; refused when a value is not a number >= 0. */
    public static MeterReading of(double energyKwh, double totalCost) {
        return new MeterReading(valid(energyKwh), valid(totalCost));
    }

    /** True when this reading is newer than {@code other}: it has more energy. */
    public boolean isAheadOf(MeterReading other) {
        return energyKwh.compareTo(other.energyKwh) > 0;
    }

    /** The newer of the two; this one when they are level. */
    public MeterReading latest(MeterReading other) {
        return other != null && other.isAheadOf(this) ? other : this;
    }

    private static BigDecimal valid(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            throw new InvalidInputException("Meter values must be numbers >= 0");
        }
        return BigDecimal.valueOf(value);
    }
}
