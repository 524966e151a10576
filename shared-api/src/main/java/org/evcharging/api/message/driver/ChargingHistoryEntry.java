package org.evcharging.api.message.driver;

/**
 * One completed session of {@code charging_history_response}.
 *
 * @param startTime as Central stored it; Python writes local time without a zone (10.27)
 * @param endTime as Central stored it
 */
public record ChargingHistoryEntry(
        String sessionId,
        String cpId,
        String startTime,
        String endTime,
        Double energyConsumedKwh,
        Double totalCost,
        String status) {
}
