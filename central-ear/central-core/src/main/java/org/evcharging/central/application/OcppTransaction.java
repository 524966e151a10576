package org.evcharging.central.application;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.MeterReading;
import org.evcharging.central.domain.shared.InvalidInputException;

/**
 * An OCPP transaction and the session it bills. An OCPP charger counts energy on an ever-growing
 * register in Wh and never prices it; the session counts kWh from zero and bills at the price it
 * was opened with, so Central does the sum a course Engine does itself.
 */
public record OcppTransaction(int id, String sessionId, CpId cpId, String driverId, long meterStartWh,
                              BigDecimal pricePerKwh) {

    private static final BigDecimal WH_PER_KWH = BigDecimal.valueOf(1000);

    /** The session's reading when the register shows {@code registerWh}; a register below the start counts zero. */
    public MeterReading readingAt(double registerWh) {
        if (Double.isNaN(registerWh) || Double.isInfinite(registerWh) || registerWh < 0) {
            throw new InvalidInputException("The energy register must be a number of Wh >= 0");
        }
        BigDecimal energyKwh = BigDecimal.valueOf(registerWh).subtract(BigDecimal.valueOf(meterStartWh)).max(BigDecimal.ZERO)
                .divide(WH_PER_KWH, MeterReading.ENERGY_SCALE, RoundingMode.HALF_UP);
        return new MeterReading(energyKwh, energyKwh.multiply(pricePerKwh));
    }
}
