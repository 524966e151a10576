package org.evcharging.api.message.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/** A Monitor tells Central its Engine is healthy again (Python Central handles it; no Python Monitor sends it). */
public record RecoveryNotification(
        String messageId,
        String id,
        @JsonInclude(JsonInclude.Include.NON_NULL) String recoveryInfo) implements WireMessage {

    /** What Python Central assumes when {@code recovery_info} is absent. */
    public static final String DEFAULT_RECOVERY_INFO = "Fault repaired";

    public static RecoveryNotification of(String cpId, String recoveryInfo) {
        return new RecoveryNotification(Stamps.newMessageId(), cpId, recoveryInfo);
    }

    public String recoveryInfoOrDefault() {
        return recoveryInfo == null ? DEFAULT_RECOVERY_INFO : recoveryInfo;
    }

    @Override
    public String type() {
        return MessageType.RECOVERY_NOTIFICATION.wire();
    }
}
