package org.evcharging.api.message.monitor;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/**
 * Start supplying a session. Central sends it to the Monitor, which sends one with a fresh
 * {@code message_id} to its Engine; the shapes differ only in the Monitor omitting the
 * {@code timestamp}, which the Engine ignores, so one record serves both links.
 */
public record StartChargingCommand(
        String messageId,
        Long timestamp,
        String cpId,
        String sessionId,
        String driverId,
        Double pricePerKwh) implements WireMessage {

    public static StartChargingCommand of(String cpId, String sessionId, String driverId, double pricePerKwh) {
        return new StartChargingCommand(Stamps.newMessageId(), Stamps.now(), cpId, sessionId, driverId, pricePerKwh);
    }

    @Override
    public String type() {
        return MessageType.START_CHARGING_COMMAND.wire();
    }
}
