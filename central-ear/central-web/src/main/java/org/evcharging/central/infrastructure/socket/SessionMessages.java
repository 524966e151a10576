package org.evcharging.central.infrastructure.socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.central.application.SessionService;
import org.evcharging.central.domain.model.session.MeterReading;

/** Session messages relayed by a Monitor: meter readings and completions (also arriving via Kafka). */
@ApplicationScoped
class SessionMessages {

    @Inject
    SessionService sessions;

    WireMessage telemetry(ChargingData data) {
        sessions.reading(data.sessionId(), MeterReading.of(data.energyConsumedKwh(), data.totalCost()));
        return Response.success(MessageType.CHARGING_DATA, data.messageId(), "Charging data processed");
    }

    WireMessage completion(ChargeCompletion completion) {
        sessions.completion(completion.sessionId(), MeterReading.of(completion.energyConsumedKwh(), completion.totalCost()),
                completion.ending(), completion.timestamp());
        return Response.success(MessageType.CHARGE_COMPLETION, completion.messageId(),
                "Charge completion notification processed, charging point " + completion.cpId() + " status updated to active");
    }
}
