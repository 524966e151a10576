package org.evcharging.api.message.engine;

import java.util.Optional;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Stamps;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.model.ChargingPointState;

/**
 * The Engine's state, as a reply (echoing the request's id) or pushed unsolicited when it fails
 * or recovers. Python Monitors treat any {@code engine_status} other than ACTIVE or CHARGING as FAULTY.
 */
public record HealthCheckResponse(String messageId, String status, String engineStatus, Boolean isCharging)
        implements WireMessage {

    public static HealthCheckResponse reply(String requestMessageId, ChargingPointState engineState, boolean charging) {
        return new HealthCheckResponse(requestMessageId, ReplyStatus.SUCCESS, engineState.wire(), charging);
    }

    public static HealthCheckResponse unsolicited(ChargingPointState engineState, boolean charging) {
        return reply(Stamps.newMessageId(), engineState, charging);
    }

    /** The reported state, if it is a valid one. */
    public Optional<ChargingPointState> engineState() {
        return ChargingPointState.fromWire(engineStatus);
    }

    @Override
    public String type() {
        return MessageType.HEALTH_CHECK_RESPONSE.wire();
    }
}
