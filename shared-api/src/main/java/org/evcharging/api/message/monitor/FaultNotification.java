package org.evcharging.api.message.monitor;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/** A Monitor tells Central its Engine failed. */
public record FaultNotification(String messageId, String id, String failureInfo) implements WireMessage {

    /** Python's text when the Engine's socket closes. */
    public static final String ENGINE_CONNECTION_LOST = "EV_CP_E connection lost";
    /** Python's text when the Engine stops answering health checks. */
    public static final String ENGINE_HEALTH_CHECK_TIMEOUT = "EV_CP_E health check timeout";

    public static FaultNotification of(String cpId, String failureInfo) {
        return new FaultNotification(Stamps.newMessageId(), cpId, failureInfo);
    }

    @Override
    public String type() {
        return MessageType.FAULT_NOTIFICATION.wire();
    }
}
