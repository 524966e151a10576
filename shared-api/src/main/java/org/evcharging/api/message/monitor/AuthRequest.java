package org.evcharging.api.message.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/**
 * A Monitor asks Central to recognise its CP; sent on connecting. {@code credential} is the CP's
 * secret from the registry, an optional extra the first implementation's Monitors omit (absent
 * from the JSON when null).
 */
public record AuthRequest(String messageId, String id, Long timestamp,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String credential) implements WireMessage {

    public static AuthRequest of(String cpId) {
        return of(cpId, null);
    }

    public static AuthRequest of(String cpId, String credential) {
        return new AuthRequest(Stamps.newMessageId(), cpId, Stamps.now(), credential);
    }

    /** Never the secret: this record is logged. */
    @Override
    public String toString() {
        return "AuthRequest[messageId=" + messageId + ", id=" + id + ", timestamp=" + timestamp
                + (credential == null ? "" : ", credential=***") + "]";
    }

    @Override
    public String type() {
        return MessageType.AUTH_REQUEST.wire();
    }
}
