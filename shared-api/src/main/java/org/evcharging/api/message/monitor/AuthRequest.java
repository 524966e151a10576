package org.evcharging.api.message.monitor;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/** A Monitor asks Central to recognise its CP; sent on connecting while not yet authorised. */
public record AuthRequest(String messageId, String id, Long timestamp) implements WireMessage {

    public static AuthRequest of(String cpId) {
        return new AuthRequest(Stamps.newMessageId(), cpId, Stamps.now());
    }

    @Override
    public String type() {
        return MessageType.AUTH_REQUEST.wire();
    }
}
