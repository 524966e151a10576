package org.evcharging.central.application;

import java.math.BigDecimal;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.Registration;

/** A charging point's visible facts after a change; observers see it after the transaction commits. */
public record ChargingPointChanged(String cpId, String location, BigDecimal pricePerKwh,
                                   Registration registration, ChargingPointState state) {

    static ChargingPointChanged of(ChargingPoint cp) {
        return new ChargingPointChanged(cp.id().value(), cp.location(), cp.pricePerKwh(), cp.registration(), cp.state());
    }
}
