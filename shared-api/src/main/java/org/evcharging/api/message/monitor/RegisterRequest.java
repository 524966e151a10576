package org.evcharging.api.message.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/**
 * A Monitor registers (or re-registers) its CP with location and price.
 *
 * @param heartbeatInterval our extension: seconds between this Monitor's heartbeats, so Central
 *     can tell a dead Monitor from a slow one; absent from Python Monitors
 */
public record RegisterRequest(
        String messageId,
        String id,
        String location,
        Double pricePerKwh,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer heartbeatInterval) implements WireMessage {

    public static RegisterRequest of(String cpId, String location, double pricePerKwh, int heartbeatIntervalSeconds) {
        return new RegisterRequest(Stamps.newMessageId(), cpId, location, pricePerKwh, heartbeatIntervalSeconds);
    }

    /** The announced interval, or the first implementation's 30 s for a Monitor that announces none. */
    public int heartbeatIntervalOrDefault() {
        return HeartbeatRequest.intervalOrDefault(heartbeatInterval);
    }

    @Override
    public String type() {
        return MessageType.REGISTER_REQUEST.wire();
    }
}
