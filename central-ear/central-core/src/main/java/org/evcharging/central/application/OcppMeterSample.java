package org.evcharging.central.application;

import java.util.Collection;
import java.util.OptionalDouble;

import org.evcharging.central.domain.shared.InvalidInputException;

/**
 * One sampled value of an OCPP MeterValues or StopTransaction: only the active energy imported
 * (the measurand OCPP assumes when none is named) feeds a session; other measurands are ignored.
 */
public record OcppMeterSample(String measurand, String unit, String value) {

    static final String ENERGY_REGISTER = "Energy.Active.Import.Register";

    /** The energy register in Wh among {@code samples} (the highest if several), if any. */
    public static OptionalDouble energyRegisterWh(Collection<OcppMeterSample> samples) {
        return samples.stream().filter(OcppMeterSample::isEnergyRegister).mapToDouble(OcppMeterSample::wh).max();
    }

    boolean isEnergyRegister() {
        return measurand == null || ENERGY_REGISTER.equals(measurand);
    }

    double wh() {
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException("Sampled value '" + value + "' is not a number");
        }
        if (unit == null || "Wh".equals(unit)) {
            return number;
        }
        if ("kWh".equals(unit)) {
            return number * 1000;
        }
        throw new InvalidInputException("Unit " + unit + " is not an energy unit (Wh, kWh)");
    }
}
