package org.evcharging.driver.portal;

/** The final ticket of a session, from Central's {@code charge_completion} or its history. */
public record Ticket(String sessionId, String cpId, String startTime, String endTime,
                     Double energyKwh, Double totalCost, String endedBy) {
}
