package org.evcharging.api.message.monitor;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/** Central asks a Monitor to end one session; the Monitor passes it on as a {@code stop_charging_command}. */
public record StopChargingSessionCommand(
        String messageId,
        Long timestamp,
        String cpId,
        String sessionId,
        String driverId) implements WireMessage {

    public static StopChargingSessionCommand of(String cpId, String sessionId, String driverId) {
        return new StopChargingSessionCommand(Stamps.newMessageId(), Stamps.now(), cpId, sessionId, driverId);
    }

    @Override
    public String type() {
        return MessageType.STOP_CHARGING_SESSION_COMMAND.wire();
    }
}
