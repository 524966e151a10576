package org.evcharging.central.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.application.ChargingPointService;
import org.evcharging.central.application.DriverNotifier;
import org.evcharging.central.application.SessionService;
import org.evcharging.central.application.SessionStore;
import org.evcharging.central.application.Times;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.shared.DomainException;
import org.evcharging.central.infrastructure.config.CentralConfig;

/** Drivers' requests from Kafka, each answered on {@code driver_responses} to that driver only (§4.3). */
@ApplicationScoped
public class DriverRequests {

    private static final Logger LOG = Logger.getLogger(DriverRequests.class.getName());
    private static final int DEFAULT_HISTORY = 50;
    private static final int REMEMBERED_REQUESTS = 10_000;

    @Inject
    SessionService sessions;

    @Inject
    SessionStore store;

    @Inject
    ChargingPointService chargingPoints;

    @Inject
    DriverNotifier drivers;

    @Inject
    CentralConfig config;

    /** Request ids already answered: Kafka may deliver a record again after a rebalance. */
    private final Set<String> answered = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_REQUESTS;
        }
    });

    void charge(ChargeRequest request) {
        if (!firstTime(request.messageId())) {
            return;
        }
        Response reply;
        try {
            refuseIfExpired(request.timestamp());
            ChargingSession session = sessions.requestCharge(CpId.of(request.cpId()), request.driverId(), request.messageId());
            reply = Response.success(MessageType.CHARGE_REQUEST, request.messageId(),
                    "Charge request authorized, charging point " + request.cpId() + " started charging for driver "
                            + request.driverId() + ", session ID: " + session.id())
                    .withSessionId(session.id()).withCpId(request.cpId());
        } catch (DomainException | IllegalArgumentException e) {
            LOG.info(() -> "Refused charge request of " + request.driverId() + " at " + request.cpId() + ": " + e.getMessage());
            reply = Response.failure(MessageType.CHARGE_REQUEST, request.messageId(), e.getMessage()).withCpId(request.cpId());
        }
        drivers.notify(reply.withDriverId(request.driverId()));
    }

    void stop(StopChargingRequest request) {
        if (!firstTime(request.messageId())) {
            return;
        }
        Response reply;
        try {
            ChargingSession session = sessions.stopByDriver(request.sessionId(), request.driverId());
            reply = Response.success(MessageType.STOP_CHARGING_REQUEST, request.messageId(),
                    "Stop charging request processed, charging point " + session.cpId() + " is ending the supply")
                    .withSessionId(session.id()).withCpId(session.cpId());
        } catch (DomainException | IllegalArgumentException e) {
            reply = Response.failure(MessageType.STOP_CHARGING_REQUEST, request.messageId(), e.getMessage())
                    .withSessionId(request.sessionId()).withCpId(request.cpId());
        }
        drivers.notify(reply.withDriverId(request.driverId()));
    }

    void availableCps(AvailableCpsRequest request) {
        List<AvailableCp> available = chargingPoints.all().stream()
                .filter(cp -> cp.state() == ChargingPointState.ACTIVE)
                .map(cp -> new AvailableCp(cp.id().value(), cp.location(),
                        cp.pricePerKwh().setScale(3, RoundingMode.HALF_UP).doubleValue(), cp.state().name()))
                .toList();
        drivers.notify(AvailableCpsResponse.success(request, available));
    }

    void history(ChargingHistoryRequest request) {
        int limit = request.limit() == null || request.limit() <= 0 ? DEFAULT_HISTORY : request.limit();
        List<ChargingHistoryEntry> entries = store.ofDriver(request.driverId(), limit).stream()
                .filter(s -> !s.isRunning())
                .map(s -> new ChargingHistoryEntry(s.id(), s.cpId(), Times.iso(startOf(s)), Times.iso(s.endedAtMillis()),
                        s.energyKwh().doubleValue(), s.totalCost().doubleValue(), s.state().wire()))
                .toList();
        drivers.notify(ChargingHistoryResponse.success(request, entries));
    }

    private static Long startOf(ChargingSession s) {
        return s.startedAtMillis() != null ? s.startedAtMillis() : s.requestedAtMillis();
    }

    private void refuseIfExpired(Long timestamp) {
        if (timestamp != null) {
            long age = Instant.now().getEpochSecond() - timestamp;
            if (age > config.requestMaxAge().toSeconds()) {
                throw new IllegalArgumentException("Request expired: it was sent " + age + " s ago");
            }
        }
    }

    private synchronized boolean firstTime(String messageId) {
        return answered.add(messageId);
    }
}
