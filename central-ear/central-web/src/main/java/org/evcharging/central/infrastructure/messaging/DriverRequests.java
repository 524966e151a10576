package org.evcharging.central.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.RoundingMode;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.driver.AvailableCp;
import org.evcharging.api.message.driver.AvailableCpsRequest;
import org.evcharging.api.message.driver.AvailableCpsResponse;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.ChargingHistoryEntry;
import org.evcharging.api.message.driver.ChargingHistoryRequest;
import org.evcharging.api.message.driver.ChargingHistoryResponse;
import org.evcharging.api.message.driver.StopChargingRequest;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.WireMessage;
import org.evcharging.central.application.ChargeAdmission;
import org.evcharging.central.application.ChargeRequestHops;
import org.evcharging.central.application.CpCommand;
import org.evcharging.central.application.DriverNotifier;
import org.evcharging.central.application.Ownership;
import org.evcharging.central.application.DriverService;
import org.evcharging.central.application.Times;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.shared.DomainException;

/** Drivers' requests from Kafka, each answered on {@code driver_responses} to that driver only (§4.3). */
@ApplicationScoped
public class DriverRequests {

    private static final Logger LOG = Logger.getLogger(DriverRequests.class.getName());

    @Inject
    DriverService drivers;

    @Inject
    ChargeAdmission admission;

    @Inject
    DriverNotifier replies;

    @Inject
    Ownership ownership;

    /**
     * A poll's charge requests: each is handed to the Central that owns its CP, or decided here with
     * the others ({@link ChargeAdmission}); each decided here is answered, in order.
     */
    void charge(List<ChargeRequest> requests) {
        List<ChargeRequest> here = requests.stream()
                .filter(request -> !forwarded(CpCommand.Kind.CHARGE, request.cpId(), request)).toList();
        List<ChargeAdmission.Outcome> outcomes = admission.admit(here.stream()
                .map(r -> new ChargeAdmission.Ask(r.cpId(), r.driverId(), r.messageId(), r.timestamp())).toList());
        for (int i = 0; i < here.size(); i++) {
            reply(here.get(i), outcomes.get(i));
            ChargeRequestHops.handled();
        }
    }

    /** The charge request is this Central's to decide: its CP is owned here, or by nobody. */
    void chargeHere(ChargeRequest request) {
        reply(request, admission.admit(List.of(new ChargeAdmission.Ask(request.cpId(), request.driverId(),
                request.messageId(), request.timestamp()))).get(0));
    }

    private void reply(ChargeRequest request, ChargeAdmission.Outcome outcome) {
        Response reply = outcome.admitted()
                ? Response.success(MessageType.CHARGE_REQUEST, request.messageId(),
                        "Charge request authorized, charging point " + request.cpId() + " started charging for driver "
                                + request.driverId() + ", session ID: " + outcome.session().id())
                        .withSessionId(outcome.session().id())
                : Response.failure(MessageType.CHARGE_REQUEST, request.messageId(), outcome.refusal().getMessage());
        if (!reply.succeeded()) {
            LOG.info(() -> "Refused charge request of " + request.driverId() + " at " + request.cpId() + ": " + reply.info());
        }
        replies.notify(reply.withCpId(request.cpId()).withDriverId(request.driverId()));
    }

    void stop(StopChargingRequest request) {
        String cpId = !ownership.clustered() ? null : request.cpId() != null ? request.cpId()
                : drivers.cpOfSession(request.sessionId()).orElse(null);
        if (!forwarded(CpCommand.Kind.STOP_CHARGING, cpId, request)) {
            stopHere(request);
        }
    }

    void stopHere(StopChargingRequest request) {
        Response reply = answer(MessageType.STOP_CHARGING_REQUEST, request.messageId(), () -> {
            ChargingSession session = drivers.stop(request.sessionId(), request.driverId());
            return Response.success(MessageType.STOP_CHARGING_REQUEST, request.messageId(),
                    "Stop charging request processed, charging point " + session.cpId() + " is ending the supply")
                    .withCpId(session.cpId());
        });
        if (reply.cpId() == null) {
            reply = reply.withCpId(request.cpId());
        }
        replies.notify(reply.withSessionId(request.sessionId()).withDriverId(request.driverId()));
    }

    void availableCps(AvailableCpsRequest request) {
        List<AvailableCp> available = drivers.availableChargingPoints().stream()
                .map(cp -> new AvailableCp(cp.id().value(), cp.location(),
                        cp.pricePerKwh().setScale(3, RoundingMode.HALF_UP).doubleValue(), cp.state().name()))
                .toList();
        replies.notify(AvailableCpsResponse.success(request, available));
    }

    void history(ChargingHistoryRequest request) {
        List<ChargingHistoryEntry> entries = drivers.history(request.driverId(), request.limit()).stream()
                .map(s -> new ChargingHistoryEntry(s.id(), s.cpId(), Times.iso(s.startOrRequestMillis()),
                        Times.iso(s.endedAtMillis()), s.energyKwh().doubleValue(), s.totalCost().doubleValue(),
                        s.state().wire()))
                .toList();
        replies.notify(ChargingHistoryResponse.success(request, entries));
    }

    /** Hands the request to the Central that owns its CP, when that is another one; false to answer it here. */
    private boolean forwarded(CpCommand.Kind kind, String cpId, WireMessage request) {
        if (!ownership.clustered() || cpId == null) {
            return false;
        }
        try {
            return ownership.forwarded(kind, CpId.of(cpId), MessageCodec.toJson(request));
        } catch (DomainException badId) {
            return false; // refused with the reason when answered here
        }
    }

    /** The one place a driver's refusal becomes a failure response; a bug is logged by the consumer, not told. */
    private static Response answer(MessageType type, String messageId, Supplier<Response> action) {
        try {
            return action.get();
        } catch (DomainException refusal) {
            return Response.failure(type, messageId, refusal.getMessage());
        }
    }
}
