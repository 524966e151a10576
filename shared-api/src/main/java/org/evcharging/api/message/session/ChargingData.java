package org.evcharging.api.message.session;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.evcharging.api.message.CpScoped;
import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/**
 * One metering tick of a running session, totals so far.
 *
 * @param driverId sent by the Engine, not by a Monitor relaying to Central
 * @param timestamp sent by the Engine, not by a Monitor relaying to Central
 * @param seq our extension: the Engine's tick number, so a reader can drop a stale or repeated
 *     tick that arrives by the other path (socket vs Kafka) out of order
 */
public record ChargingData(
        String messageId,
        String cpId,
        String sessionId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String driverId,
        Double energyConsumedKwh,
        Double totalCost,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long timestamp,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long seq) implements WireMessage, CpScoped, DriverScoped {

    public static ChargingData of(String cpId, String sessionId, String driverId,
                                  double energyConsumedKwh, double totalCost, long seq) {
        return new ChargingData(Stamps.newMessageId(), cpId, sessionId, driverId,
                energyConsumedKwh, totalCost, Stamps.now(), seq);
    }

    @Override
    public String type() {
        return MessageType.CHARGING_DATA.wire();
    }
}
