package org.evcharging.api.message.monitor;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.WireMessage;

/**
 * Central's answer to an {@code auth_request} that is accepted or pending. Not the generic
 * shape: {@code message} instead of {@code info}, and no {@code session_id} (10.5). Python
 * Monitors act on {@code status} alone.
 *
 * @param messageId the {@code auth_request}'s id, also when the approval comes later
 */
public record AuthResponse(String messageId, String status, String message, String cpId) implements WireMessage {

    public static AuthResponse pending(String requestMessageId, String cpId) {
        return new AuthResponse(requestMessageId, ReplyStatus.PENDING,
                "Authentication request received, waiting for admin approval", cpId);
    }

    /** For a CP Central already knows: it may register straight away. */
    public static AuthResponse alreadyRegistered(String requestMessageId, String cpId) {
        return new AuthResponse(requestMessageId, ReplyStatus.SUCCESS, "Charging point " + cpId
                + " authenticated successfully (already registered), can send registration request to update information",
                cpId);
    }

    /** Sent unsolicited when the operator approves a pending CP. */
    public static AuthResponse approved(String requestMessageId, String cpId) {
        return new AuthResponse(requestMessageId, ReplyStatus.SUCCESS,
                "Charging point " + cpId + " authorized, can now proceed with registration", cpId);
    }

    @Override
    public String type() {
        return MessageType.AUTH_RESPONSE.wire();
    }
}
