package org.evcharging.api.message.driver;

import org.evcharging.api.message.CpScoped;
import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/** A driver (or the Engine's own menu) asks to charge at a CP. */
public record ChargeRequest(String messageId, String cpId, String driverId, Long timestamp)
        implements WireMessage, DriverScoped, CpScoped {

    public static ChargeRequest of(String cpId, String driverId) {
        return new ChargeRequest(Stamps.newMessageId(), cpId, driverId, Stamps.now());
    }

    @Override
    public String type() {
        return MessageType.CHARGE_REQUEST.wire();
    }
}
