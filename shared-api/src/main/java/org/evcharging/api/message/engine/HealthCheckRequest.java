package org.evcharging.api.message.engine;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/** The Monitor asks the Engine how it is. Note {@code id}, not {@code cp_id} (10.6); the Engine ignores it. */
public record HealthCheckRequest(String messageId, String id) implements WireMessage {

    public static HealthCheckRequest of(String cpId) {
        return new HealthCheckRequest(Stamps.newMessageId(), cpId);
    }

    @Override
    public String type() {
        return MessageType.HEALTH_CHECK_REQUEST.wire();
    }
}
