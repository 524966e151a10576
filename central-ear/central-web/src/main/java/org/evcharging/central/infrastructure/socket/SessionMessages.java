package org.evcharging.central.infrastructure.socket;

import jakarta.enterprise.context.ApplicationScoped;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.central.domain.model.chargingpoint.CpId;

/** Session messages relayed by a Monitor: telemetry ticks and completions. */
@ApplicationScoped
class SessionMessages {

    WireMessage telemetry(CpId from, ChargingData data) {
        return Response.failure(MessageType.CHARGING_DATA, data.messageId(),
                "Charging session " + data.sessionId() + " does not exist");
    }

    WireMessage completion(CpId from, ChargeCompletion completion) {
        return Response.failure(MessageType.CHARGE_COMPLETION, completion.messageId(),
                "Charging session " + completion.sessionId() + " does not exist");
    }
}
