package org.evcharging.central.application;

import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;

/**
 * A CP let into the network, and the secret it was given: returned this once, never stored (only
 * its hash is). {@code credential} is null for a legacy CP, admitted by id alone.
 */
public record Enrolled(ChargingPoint chargingPoint, String credential) {
}
