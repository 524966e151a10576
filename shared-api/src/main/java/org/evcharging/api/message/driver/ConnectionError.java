package org.evcharging.api.message.driver;

import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/** Central tells a driver it is going away. */
public record ConnectionError(String messageId, Long timestamp, String driverId, String reason, String info)
        implements WireMessage, DriverScoped {

    public static ConnectionError centralShuttingDown(String driverId) {
        return new ConnectionError(Stamps.newMessageId(), Stamps.now(), driverId,
                "Central is shutting down", "Cannot connect to Central. Please try again later.");
    }

    @Override
    public String type() {
        return MessageType.CONNECTION_ERROR.wire();
    }
}
