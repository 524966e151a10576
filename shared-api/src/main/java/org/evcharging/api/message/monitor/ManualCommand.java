package org.evcharging.api.message.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/**
 * An operator command on one CP or on {@value #ALL_CPS}. Python Central accepts it on the CP
 * socket as {@code {message_id, command, cp_id}}; its console adds {@code admin_id} and {@code timestamp}.
 */
public record ManualCommand(
        String messageId,
        String command,
        String cpId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String adminId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long timestamp) implements WireMessage {

    public static final String STOP = "stop";
    public static final String RESUME = "resume";
    /** The {@code cp_id} that addresses every CP. */
    public static final String ALL_CPS = "all";

    public static ManualCommand stop(String cpId, String adminId) {
        return new ManualCommand(Stamps.newMessageId(), STOP, cpId, adminId, Stamps.now());
    }

    public static ManualCommand resume(String cpId, String adminId) {
        return new ManualCommand(Stamps.newMessageId(), RESUME, cpId, adminId, Stamps.now());
    }

    public boolean appliesToAllCps() {
        return ALL_CPS.equals(cpId);
    }

    @Override
    public String type() {
        return MessageType.MANUAL_COMMAND.wire();
    }
}
