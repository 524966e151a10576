package org.evcharging.api.message.driver;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.evcharging.api.message.CpScoped;
import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/**
 * Live progress of a driver's session, from Central; or, with {@code status: "error"}, the
 * Engine's notice that a fault suspended the session. The fault notice's extra fields are
 * omitted from plain progress updates.
 */
public record ChargingStatusUpdate(
        String messageId,
        Long timestamp,
        String driverId,
        String sessionId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String cpId,
        Double energyConsumedKwh,
        Double totalCost,
        @JsonInclude(JsonInclude.Include.NON_NULL) String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) implements WireMessage, DriverScoped, CpScoped {

    /** The Engine's fault notice {@code reason}. */
    public static final String ENGINE_FAULT_REASON = "CP_ENGINE_FAULT";
    /** The Engine's fault notice text, emoji and two spaces included. */
    public static final String ENGINE_FAULT_MESSAGE =
            "\u26a0\ufe0f  Charging Point has experienced a FAULT. Charging session suspended.";

    public static ChargingStatusUpdate progress(String driverId, String sessionId, String cpId,
                                                double energyConsumedKwh, double totalCost) {
        return new ChargingStatusUpdate(Stamps.newMessageId(), Stamps.now(), driverId, sessionId, cpId,
                energyConsumedKwh, totalCost, null, null, null);
    }

    public static ChargingStatusUpdate engineFault(String driverId, String sessionId, String cpId,
                                                   double energyConsumedKwh, double totalCost) {
        return new ChargingStatusUpdate(Stamps.newMessageId(), Stamps.now(), driverId, sessionId, cpId,
                energyConsumedKwh, totalCost, ReplyStatus.ERROR, ENGINE_FAULT_MESSAGE, ENGINE_FAULT_REASON);
    }

    /** True for the Engine's fault notice, which Python drivers recognise by {@code status == "error"}. */
    public boolean faultNotice() {
        return ReplyStatus.ERROR.equals(status);
    }

    @Override
    public String type() {
        return MessageType.CHARGING_STATUS_UPDATE.wire();
    }
}
