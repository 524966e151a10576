package org.evcharging.api.message.monitor;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/** The operator puts a CP out of order; the Monitor emergency-stops its Engine. */
public record StopCpCommand(String messageId, Long timestamp, String cpId) implements WireMessage {

    public static StopCpCommand of(String cpId) {
        return new StopCpCommand(Stamps.newMessageId(), Stamps.now(), cpId);
    }

    @Override
    public String type() {
        return MessageType.STOP_CP_COMMAND.wire();
    }
}
