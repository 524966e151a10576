package org.evcharging.api.message.monitor;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/**
 * The operator puts a stopped or faulty CP back in service. The Monitor forwards it to the Engine
 * with the same {@code message_id}; the Engine refuses it unless {@code cp_id} is its own.
 */
public record ResumeCpCommand(String messageId, Long timestamp, String cpId) implements WireMessage {

    public static ResumeCpCommand of(String cpId) {
        return new ResumeCpCommand(Stamps.newMessageId(), Stamps.now(), cpId);
    }

    @Override
    public String type() {
        return MessageType.RESUME_CP_COMMAND.wire();
    }
}
