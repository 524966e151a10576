package org.evcharging.api.message.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/**
 * A Monitor's sign of life.
 *
 * @param heartbeatInterval our extension: seconds until the next heartbeat; absent from Python Monitors
 */
public record HeartbeatRequest(
        String messageId,
        String id,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer heartbeatInterval) implements WireMessage {

    /** The first implementation's period; Central assumes it for Monitors that announce nothing. */
    public static final int DEFAULT_INTERVAL_SECONDS = 30;

    public static HeartbeatRequest of(String cpId, int intervalSeconds) {
        return new HeartbeatRequest(Stamps.newMessageId(), cpId, intervalSeconds);
    }

    /** The announced interval; absent or non-positive counts as none, i.e. the first implementation's 30 s. */
    public int heartbeatIntervalOrDefault() {
        return intervalOrDefault(heartbeatInterval);
    }

    static int intervalOrDefault(Integer announced) {
        return announced != null && announced > 0 ? announced : DEFAULT_INTERVAL_SECONDS;
    }

    @Override
    public String type() {
        return MessageType.HEARTBEAT_REQUEST.wire();
    }
}
