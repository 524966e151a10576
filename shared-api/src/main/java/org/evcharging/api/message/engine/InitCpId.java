package org.evcharging.api.message.engine;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/** The Monitor's first message after connecting: tells the Engine which CP it is. */
public record InitCpId(String messageId, String cpId) implements WireMessage {

    public static InitCpId of(String cpId) {
        return new InitCpId(Stamps.newMessageId(), cpId);
    }

    @Override
    public String type() {
        return MessageType.INIT_CP_ID.wire();
    }
}
