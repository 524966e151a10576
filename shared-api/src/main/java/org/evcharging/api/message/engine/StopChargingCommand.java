package org.evcharging.api.message.engine;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/**
 * The Monitor tells its Engine to stop. A null {@code session_id} is an emergency stop: whatever
 * is running ends and the CP stops serving. It is always written, null included, because that
 * null is the command.
 *
 * @param timestamp present only when the Monitor stops the Engine on its own initiative
 */
public record StopChargingCommand(
        String messageId,
        String cpId,
        String sessionId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long timestamp) implements WireMessage {

    /** Passes on Central's {@code stop_charging_session_command}, keeping its id. */
    public static StopChargingCommand forSession(String messageId, String cpId, String sessionId) {
        return new StopChargingCommand(messageId, cpId, sessionId, null);
    }

    /** Passes on Central's {@code stop_cp_command}, keeping its id. */
    public static StopChargingCommand emergency(String messageId, String cpId) {
        return new StopChargingCommand(messageId, cpId, null, null);
    }

    /** The Monitor's own emergency stop, e.g. on turning FAULTY. */
    public static StopChargingCommand emergency(String cpId) {
        return new StopChargingCommand(Stamps.newMessageId(), cpId, null, Stamps.now());
    }

    public boolean emergencyStop() {
        return sessionId == null;
    }

    @Override
    public String type() {
        return MessageType.STOP_CHARGING_COMMAND.wire();
    }
}
