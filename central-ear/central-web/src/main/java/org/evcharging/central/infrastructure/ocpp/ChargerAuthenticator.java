package org.evcharging.central.infrastructure.ocpp;

import java.util.Optional;

import org.evcharging.central.domain.model.chargingpoint.CpId;

/**
 * Whether a charger may open its WebSocket, decided at the HTTP handshake (before the upgrade) so
 * that a refusal is an HTTP 401 as OCPP security profiles 1 and 2 expect. {@code authorization} is
 * the request's Authorization header, if any. The per-charger HTTP Basic check of those profiles
 * plugs in here as another implementation.
 */
public interface ChargerAuthenticator {

    boolean admits(CpId chargePoint, Optional<String> authorization);
}
