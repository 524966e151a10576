package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live power of each running session, estimated from how fast its cumulative energy rises.
 * Readings carry energy, not power, so the rate between the last two distinct readings is the kW
 * the panel shows; a session with one reading so far shows no figure rather than a guess.
 */
@ApplicationScoped
public class PowerEstimates {

    private static final double NANOS_PER_HOUR = 3_600e9;

    private final Map<String, Sample> samples = new ConcurrentHashMap<>();

    /** The session's power in kW (null until two readings were seen), given its current energy. */
    public BigDecimal powerKw(String sessionId, BigDecimal energyKwh, long nowNanos) {
        Sample next = samples.compute(sessionId, (id, previous) -> previous == null
                ? new Sample(energyKwh, nowNanos, null)
                : previous.advance(energyKwh, nowNanos));
        return next.powerKw();
    }

    /** Drops estimates of sessions no longer running. */
    public void retainOnly(java.util.Set<String> runningSessionIds) {
        samples.keySet().retainAll(runningSessionIds);
    }

    private record Sample(BigDecimal energy, long atNanos, BigDecimal powerKw) {

        Sample advance(BigDecimal newEnergy, long nowNanos) {
            if (newEnergy.compareTo(energy) <= 0 || nowNanos <= atNanos) {
                return this;
            }
            double kw = newEnergy.subtract(energy).doubleValue() / ((nowNanos - atNanos) / NANOS_PER_HOUR);
            return new Sample(newEnergy, nowNanos, BigDecimal.valueOf(kw).setScale(2, RoundingMode.HALF_UP));
        }
    }
}
