package org.evcharging.driver.facade.dto;

/** A charging point as the list shows it: colours as on Central's panel. */
public record ChargingPointDto(String id, String location, String price, String stateLabel, String stateCss,
                               boolean available) {
}
