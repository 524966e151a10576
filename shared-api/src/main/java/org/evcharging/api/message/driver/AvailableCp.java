package org.evcharging.api.message.driver;

/** One entry of {@code available_cps_response}: note {@code id}, not {@code cp_id} (10.6). */
public record AvailableCp(String id, String location, Double pricePerKwh, String status) {
}
