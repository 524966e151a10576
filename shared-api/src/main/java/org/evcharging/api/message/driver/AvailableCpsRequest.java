package org.evcharging.api.message.driver;

import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/** A driver asks which CPs are available. */
public record AvailableCpsRequest(String messageId, String driverId, Long timestamp)
        implements WireMessage, DriverScoped {

    public static AvailableCpsRequest of(String driverId) {
        return new AvailableCpsRequest(Stamps.newMessageId(), driverId, Stamps.now());
    }

    @Override
    public String type() {
        return MessageType.AVAILABLE_CPS_REQUEST.wire();
    }
}
