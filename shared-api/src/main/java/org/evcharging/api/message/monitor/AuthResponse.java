package org.evcharging.api.message.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.security.PayloadSignature;

/**
 * Central's answer to an {@code auth_request} that is accepted or pending. Not the generic
 * shape: {@code message} instead of {@code info}, and no {@code session_id} (10.5). Python
 * Monitors act on {@code status} alone.
 *
 * @param messageId the {@code auth_request}'s id, also when the approval comes later
 * @param keyId our extension: the id of the CP's payload key, sent with {@code payload_key}
 * @param payloadKey our extension: the CP's payload key (base64url, 256 bits) its Engine signs its
 *     Kafka records with; only to a Monitor admitted by its credential, never to a legacy one
 */
public record AuthResponse(String messageId, String status, String message, String cpId,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String keyId,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String payloadKey) implements WireMessage {

    public AuthResponse(String messageId, String status, String message, String cpId) {
        this(messageId, status, message, cpId, null, null);
    }

    /** Unsolicited, to a linked Monitor whose CP got a new payload key (which the caller adds). */
    public static AuthResponse rekeyed(String cpId) {
        return new AuthResponse(org.evcharging.api.message.Stamps.newMessageId(), ReplyStatus.SUCCESS,
                "Charging point " + cpId + " has a new payload key", cpId);
    }

    /** The same answer carrying the CP's payload key. */
    public AuthResponse withPayloadKey(PayloadSignature.Key key) {
        return new AuthResponse(messageId, status, message, cpId, key.id(), key.secret());
    }

    /** The payload key this answer carries, if any. */
    public java.util.Optional<PayloadSignature.Key> key() {
        return keyId == null || payloadKey == null ? java.util.Optional.empty()
                : java.util.Optional.of(new PayloadSignature.Key(keyId, payloadKey));
    }

    /** Never the key itself. */
    @Override
    public String toString() {
        return "AuthResponse[" + messageId + ", " + status + ", " + cpId + (keyId == null ? "" : ", key " + keyId) + "]";
    }

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
