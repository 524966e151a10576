package org.evcharging.central.interfaces.rest.dto;

import java.math.BigDecimal;

import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;

/** A charging point as the operator sees it. */
public record ChargingPointView(String id, String location, BigDecimal pricePerKwh, String state, String label,
                                String colour, String registration, boolean connected, Long lastSeenMs) {

    public static ChargingPointView of(ChargingPoint cp) {
        return new ChargingPointView(cp.id().value(), cp.location(), cp.pricePerKwh(), cp.state().name(),
                cp.state().label(), cp.state().colour().css(), cp.registration().name(), cp.isConnected(),
                cp.lastSeenMillis());
    }
}
