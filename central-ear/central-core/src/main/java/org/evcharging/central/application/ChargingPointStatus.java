package org.evcharging.central.application;

import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;

/** A charging point with its supply in progress, if any (null otherwise). */
public record ChargingPointStatus(ChargingPoint chargingPoint, LiveCharge charge) {
}
