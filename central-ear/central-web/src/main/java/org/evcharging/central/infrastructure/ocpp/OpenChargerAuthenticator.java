package org.evcharging.central.infrastructure.ocpp;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

import org.evcharging.central.domain.model.chargingpoint.CpId;

/**
 * Security profile 0 (no authentication): every charger may connect. Unknown ones still wait in
 * the pending list until an operator authorizes them, like course CPs.
 */
@ApplicationScoped
public class OpenChargerAuthenticator implements ChargerAuthenticator {

    @Override
    public boolean admits(CpId chargePoint, Optional<String> authorization) {
        return true;
    }
}
