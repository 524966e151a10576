package org.evcharging.api.message.session;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.evcharging.api.message.CpScoped;
import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.model.SessionEnding;

/**
 * The end of a session with its final totals: the Engine's report and the driver's ticket.
 * Keeping the Engine's {@code message_id} along the way lets Central recognise the copy that
 * arrives by the other path.
 *
 * @param driverId set on the copy Central sends to the driver
 * @param timestamp set by the Engine and by Central, not by a relaying Monitor
 * @param endedBy our extension: a {@link SessionEnding} wire string
 */
public record ChargeCompletion(
        String messageId,
        String cpId,
        String sessionId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String driverId,
        Double energyConsumedKwh,
        Double totalCost,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long timestamp,
        @JsonInclude(JsonInclude.Include.NON_NULL) String endedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String startTime,
        @JsonInclude(JsonInclude.Include.NON_NULL) String endTime) implements WireMessage, CpScoped, DriverScoped {

    public static ChargeCompletion of(String cpId, String sessionId, String driverId,
                                      double energyConsumedKwh, double totalCost, SessionEnding ending) {
        return new ChargeCompletion(Stamps.newMessageId(), cpId, sessionId, driverId,
                energyConsumedKwh, totalCost, Stamps.now(), ending.wire(), null, null);
    }

    /**
     * The driver's ticket: Central's own {@code charge_completion} with the session's start and end
     * (ISO-8601, extension fields the first implementation ignores).
     */
    public static ChargeCompletion ticket(String cpId, String sessionId, String driverId, double energyConsumedKwh,
                                          double totalCost, String endedBy, String startTime, String endTime) {
        return new ChargeCompletion(Stamps.newMessageId(), cpId, sessionId, driverId, energyConsumedKwh, totalCost,
                Stamps.now(), endedBy, startTime, endTime);
    }

    /** How the session ended, when the sender said so in a form we know. */
    public Optional<SessionEnding> ending() {
        return SessionEnding.fromWire(endedBy);
    }

    @Override
    public String type() {
        return MessageType.CHARGE_COMPLETION.wire();
    }
}
