package org.evcharging.api.message.engine;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.WireMessage;

/** The Engine's reply to a command; {@code message}, not {@code info}, carries the text (10.7). */
public record CommandResponse(
        String messageId,
        String status,
        String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sessionId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String cpId) implements WireMessage {

    public static CommandResponse success(String requestMessageId, String message) {
        return new CommandResponse(requestMessageId, ReplyStatus.SUCCESS, message, null, null);
    }

    public static CommandResponse failure(String requestMessageId, String message) {
        return new CommandResponse(requestMessageId, ReplyStatus.FAILURE, message, null, null);
    }

    public CommandResponse withSessionId(String sessionId) {
        return new CommandResponse(messageId, status, message, sessionId, cpId);
    }

    public CommandResponse withCpId(String cpId) {
        return new CommandResponse(messageId, status, message, sessionId, cpId);
    }

    public boolean succeeded() {
        return ReplyStatus.SUCCESS.equals(status);
    }

    @Override
    public String type() {
        return MessageType.COMMAND_RESPONSE.wire();
    }
}
