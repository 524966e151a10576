package org.evcharging.agent.engine;

import java.util.Locale;

import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.api.model.SessionEnding;

/**
 * The session the Engine is serving, as persisted after every tick. Energy is kept unrounded;
 * only messages round it.
 *
 * @param plugged whether energy flows; false while an authorized supply waits for the plug (manual mode)
 * @param seq ticks metered so far; also the {@code seq} of the latest {@code charging_data}
 * @param waitingTicks ticks spent authorized but not plugged in
 * @param authorizedAt epoch millis of Central's start command
 */
public record Supply(String sessionId, String cpId, String driverId, double pricePerKwh, boolean plugged,
                     long seq, double energyKwh, long waitingTicks, long authorizedAt) {

    public static Supply authorized(String sessionId, String cpId, String driverId, double pricePerKwh,
                                    boolean plugged) {
        return new Supply(sessionId, cpId, driverId, pricePerKwh, plugged, 0, 0.0, 0, System.currentTimeMillis());
    }

    public Supply pluggedIn() {
        return new Supply(sessionId, cpId, driverId, pricePerKwh, true, seq, energyKwh, waitingTicks, authorizedAt);
    }

    /** One more tick of energy; energy is {@code seq × kwhPerTick} so no rounding error accumulates. */
    public Supply metered(double kwhPerTick) {
        long next = seq + 1;
        return new Supply(sessionId, cpId, driverId, pricePerKwh, plugged, next, next * kwhPerTick,
                waitingTicks, authorizedAt);
    }

    public Supply waited() {
        return new Supply(sessionId, cpId, driverId, pricePerKwh, plugged, seq, energyKwh, waitingTicks + 1,
                authorizedAt);
    }

    public double costEuros() {
        return energyKwh * pricePerKwh;
    }

    /** {@code session=... driver=... price=0.20 €/kWh}, for event lines. */
    public String describe() {
        return "session=" + sessionId + " driver=" + driverId
                + String.format(Locale.ROOT, " price=%.2f €/kWh", pricePerKwh);
    }

    public ChargingData telemetry() {
        return ChargingData.of(cpId, sessionId, driverId, Metering.energyForMessage(energyKwh),
                Metering.costForMessage(costEuros()), seq);
    }

    public ChargeCompletion completion(SessionEnding ending) {
        return ChargeCompletion.of(cpId, sessionId, driverId, Metering.energyForMessage(energyKwh),
                Metering.costForMessage(costEuros()), ending);
    }
}
