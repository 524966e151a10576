package org.evcharging.central.interfaces.rest;

/**
 * The body the driver portal sends to sign a driver up or in. {@code sourceIp} is the browser's
 * address as the portal saw it: the sign-in limits and the audit log are per source.
 */
public record DriverCredentials(String driverId, String password, String sourceIp) {

    /** Never the password: records print in logs. */
    @Override
    public String toString() {
        return "DriverCredentials[" + driverId + " from " + sourceIp + "]";
    }
}
