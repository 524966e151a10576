package it.org.evcharging.central.support;

import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.api.model.SessionEnding;

/**
 * The supply a simulated Engine serves after Central's start command: the energy metered so far
 * and the tick number, and the records a real Engine sends for them (each reading, then the
 * completion), the same over the Monitor's socket and on Kafka. Confined to its simulator's thread.
 */
public final class SimulatedSupply {

    private final String cpId;
    private final String sessionId;
    private final String driverId;
    private final double pricePerKwh;
    private final long startedNanos = System.nanoTime();
    private double energyKwh;
    private long seq;

    public SimulatedSupply(String cpId, String sessionId, String driverId, double pricePerKwh) {
        this.cpId = cpId;
        this.sessionId = sessionId;
        this.driverId = driverId;
        this.pricePerKwh = pricePerKwh;
    }

    /** One more tick of {@code kwh}: the reading with the totals so far. */
    public ChargingData meter(double kwh) {
        energyKwh += kwh;
        return ChargingData.of(cpId, sessionId, driverId, energyKwh, energyKwh * pricePerKwh, ++seq);
    }

    /** The Engine's final figures. */
    public ChargeCompletion complete(SessionEnding ending) {
        return ChargeCompletion.of(cpId, sessionId, driverId, energyKwh, energyKwh * pricePerKwh, ending);
    }

    public String sessionId() {
        return sessionId;
    }

    public String driverId() {
        return driverId;
    }

    /** Nanoseconds since the start command, on {@link System#nanoTime()}'s clock. */
    public long runningNanos() {
        return System.nanoTime() - startedNanos;
    }
}
