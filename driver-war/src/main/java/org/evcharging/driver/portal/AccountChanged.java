package org.evcharging.driver.portal;

/** CDI event: something a driver's pages show has changed. */
public record AccountChanged(String driverId) {
}
