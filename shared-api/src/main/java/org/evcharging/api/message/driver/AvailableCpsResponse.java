package org.evcharging.api.message.driver;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/**
 * Central's list of available CPs. Not the generic shape: a success carries
 * {@code charging_points}, a failure {@code error}. A request with missing fields is answered in
 * the generic shape under the same type, whose text then arrives as {@code info}.
 */
public record AvailableCpsResponse(
        String messageId,
        String status,
        String driverId,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AvailableCp> chargingPoints,
        Long timestamp,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error,
        @JsonInclude(JsonInclude.Include.NON_NULL) String info) implements WireMessage, DriverScoped {

    public AvailableCpsResponse {
        chargingPoints = chargingPoints == null ? null : List.copyOf(chargingPoints);
    }

    public static AvailableCpsResponse success(AvailableCpsRequest request, List<AvailableCp> chargingPoints) {
        return new AvailableCpsResponse(request.messageId(), ReplyStatus.SUCCESS, request.driverId(),
                chargingPoints, Stamps.now(), null, null);
    }

    public static AvailableCpsResponse failure(AvailableCpsRequest request, String error) {
        return new AvailableCpsResponse(request.messageId(), ReplyStatus.FAILURE, request.driverId(),
                null, Stamps.now(), error, null);
    }

    @Override
    public String type() {
        return MessageType.AVAILABLE_CPS_RESPONSE.wire();
    }
}
