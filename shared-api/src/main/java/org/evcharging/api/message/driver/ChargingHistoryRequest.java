package org.evcharging.api.message.driver;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/**
 * A driver asks for their completed sessions. It travels on {@code driver_cps_requests}: there is
 * no history topic (10.24).
 *
 * @param limit at most this many sessions, newest first; absent means all
 */
public record ChargingHistoryRequest(
        String messageId,
        String driverId,
        Long timestamp,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer limit) implements WireMessage, DriverScoped {

    public static ChargingHistoryRequest of(String driverId) {
        return new ChargingHistoryRequest(Stamps.newMessageId(), driverId, Stamps.now(), null);
    }

    public static ChargingHistoryRequest of(String driverId, int limit) {
        return new ChargingHistoryRequest(Stamps.newMessageId(), driverId, Stamps.now(), limit);
    }

    @Override
    public String type() {
        return MessageType.CHARGING_HISTORY_REQUEST.wire();
    }
}
