package org.evcharging.api.message.engine;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.security.PayloadSignature;

/**
 * Our extension, Monitor -> Engine: the payload key Central issued to the CP, which the Engine signs
 * its Kafka records with from now on. Sent after {@code init_cp_id} whenever the Monitor holds a key,
 * and again when Central gives it a new one. The first implementation's Engine answers an
 * {@code error_response} (unknown type) and signs nothing, so its CP must be {@code legacy}.
 */
public record PayloadKey(String messageId, String cpId, String keyId, String payloadKey) implements WireMessage {

    public static PayloadKey of(String cpId, PayloadSignature.Key key) {
        return new PayloadKey(Stamps.newMessageId(), cpId, key.id(), key.secret());
    }

    public PayloadSignature.Key key() {
        return new PayloadSignature.Key(keyId, payloadKey);
    }

    @Override
    public String type() {
        return MessageType.PAYLOAD_KEY.wire();
    }

    /** Never the key itself. */
    @Override
    public String toString() {
        return "PayloadKey[" + messageId + ", " + cpId + ", " + keyId + "]";
    }
}
