package org.evcharging.api.message.driver;

import org.evcharging.api.message.CpScoped;
import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/** A driver asks to end their session. */
public record StopChargingRequest(String messageId, String sessionId, String cpId, String driverId, Long timestamp)
        implements WireMessage, DriverScoped, CpScoped {

    public static StopChargingRequest of(String sessionId, String cpId, String driverId) {
        return new StopChargingRequest(Stamps.newMessageId(), sessionId, cpId, driverId, Stamps.now());
    }

    @Override
    public String type() {
        return MessageType.STOP_CHARGING_REQUEST.wire();
    }
}
