package org.evcharging.central.application;

import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;

/**
 * A charging point with its supply in progress, if any (null otherwise), and whether a Monitor is
 * connected for it now — also while it waits for the operator, when its state is still DISCONNECTED.
 * {@code protocolLabel} names the protocol of its connection when that is not the course protocol (OCPP);
 * {@code central} the Central that owns the CP when several share the network (null otherwise).
 */
public record ChargingPointStatus(ChargingPoint chargingPoint, LiveCharge charge, boolean monitorConnected,
                                  String protocolLabel, String central) {

    public ChargingPointStatus(ChargingPoint chargingPoint, LiveCharge charge, boolean monitorConnected, String protocolLabel) {
        this(chargingPoint, charge, monitorConnected, protocolLabel, null);
    }

    /** A CP as an action left it: connected as far as its state tells. */
    public static ChargingPointStatus of(ChargingPoint chargingPoint) {
        return new ChargingPointStatus(chargingPoint, null, chargingPoint.isConnected(), null);
    }
}
