package org.evcharging.api.message.monitor;

import java.util.Optional;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.model.ChargingPointState;

/**
 * A Monitor reports its CP's new state. The status stays a string on the wire so that Central can
 * answer an invalid value with Python's own text instead of failing to read the message.
 */
public record StatusUpdate(String messageId, String id, String status) implements WireMessage {

    public static StatusUpdate of(String cpId, ChargingPointState state) {
        return new StatusUpdate(Stamps.newMessageId(), cpId, state.wire());
    }

    /** The reported state, if it is a valid one. */
    public Optional<ChargingPointState> state() {
        return ChargingPointState.fromWire(status);
    }

    @Override
    public String type() {
        return MessageType.STATUS_UPDATE.wire();
    }
}
