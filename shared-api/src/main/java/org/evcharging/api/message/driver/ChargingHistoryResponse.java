package org.evcharging.api.message.driver;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;

/**
 * A driver's completed sessions, newest first. Shaped like {@link AvailableCpsResponse}: a
 * success carries {@code history} and {@code count}, a failure {@code error}, and a generic
 * missing-field reply {@code info}.
 */
public record ChargingHistoryResponse(
        String messageId,
        String status,
        String driverId,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ChargingHistoryEntry> history,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer count,
        Long timestamp,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error,
        @JsonInclude(JsonInclude.Include.NON_NULL) String info) implements WireMessage, DriverScoped {

    public ChargingHistoryResponse {
        history = history == null ? null : List.copyOf(history);
    }

    public static ChargingHistoryResponse success(ChargingHistoryRequest request, List<ChargingHistoryEntry> history) {
        return new ChargingHistoryResponse(request.messageId(), ReplyStatus.SUCCESS, request.driverId(),
                history, history.size(), Stamps.now(), null, null);
    }

    public static ChargingHistoryResponse failure(ChargingHistoryRequest request, String error) {
        return new ChargingHistoryResponse(request.messageId(), ReplyStatus.FAILURE, request.driverId(),
                null, null, Stamps.now(), error, null);
    }

    @Override
    public String type() {
        return MessageType.CHARGING_HISTORY_RESPONSE.wire();
    }
}
