package org.evcharging.api.message.engine;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.WireMessage;

/** The Engine's reply to a message it cannot handle. */
public record ErrorResponse(String messageId, String status, String error) implements WireMessage {

    public static ErrorResponse of(String requestMessageId, String error) {
        return new ErrorResponse(requestMessageId, ReplyStatus.ERROR, error);
    }

    /** Python's text: {@code Unknown message type: {type}}. */
    public static ErrorResponse unknownType(String requestMessageId, String requestType) {
        return of(requestMessageId, "Unknown message type: " + requestType);
    }

    @Override
    public String type() {
        return MessageType.ERROR_RESPONSE.wire();
    }
}
