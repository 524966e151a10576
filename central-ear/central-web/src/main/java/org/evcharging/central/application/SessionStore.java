package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.evcharging.api.model.SessionEnding;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.ChargingPointRepository;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.ChargingSessionRepository;
import org.evcharging.central.domain.shared.DomainException;

/** The transactions of the session life-cycle; each method changes the session and its CP together. */
@ApplicationScoped
@Transactional(dontRollbackOn = DomainException.class)
public class SessionStore {

    @Inject
    ChargingSessionRepository sessions;

    @Inject
    ChargingPointRepository chargingPoints;

    @Inject
    jakarta.enterprise.event.Event<ChargingPointChanged> changes;

    Clock clock = Clock.systemUTC();

    /** Checks the CP may supply (throws the refusal) and records the authorized session. */
    public ChargingSession open(CpId cpId, String driverId, String requestMessageId) {
        ChargingPoint cp = chargingPoints.get(cpId);
        cp.startCharging();
        ChargingSession session = ChargingSession.authorized(UUID.randomUUID().toString(), cpId.value(), driverId,
                cp.pricePerKwh(), requestMessageId, clock.millis());
        sessions.add(session);
        changes.fire(ChargingPointChanged.of(cp));
        return session;
    }

    /** Ends the session; the result says whether this was its first ending (ticket due). */
    public Ended close(String sessionId, BigDecimal energy, BigDecimal cost, SessionEnding ending) {
        ChargingSession session = sessions.find(sessionId).orElseThrow();
        boolean first = session.end(energy, cost, ending, clock.millis());
        if (first) {
            chargingPoints.find(CpId.of(session.cpId())).ifPresent(cp -> {
                cp.chargingEnded();
                changes.fire(ChargingPointChanged.of(cp));
            });
        }
        return new Ended(session, first);
    }

    public void saveReadings(List<RunningSession.Reading> readings) {
        long now = clock.millis();
        for (RunningSession.Reading reading : readings) {
            sessions.find(reading.sessionId()).ifPresent(s -> s.meter(reading.energy(), reading.cost(), now));
        }
    }

    public Optional<ChargingSession> openedBy(String requestMessageId) {
        return requestMessageId == null ? Optional.empty() : sessions.findByRequest(requestMessageId);
    }

    public Optional<ChargingSession> find(String sessionId) {
        return sessions.find(sessionId);
    }

    public List<ChargingSession> unfinished() {
        return sessions.findUnfinished();
    }

    public List<ChargingSession> ofDriver(String driverId, int limit) {
        return sessions.findByDriver(driverId, limit);
    }

    public List<ChargingSession> all(int limit) {
        return sessions.findAll(limit);
    }

    /** A session that ended, and whether this call ended it. */
    public record Ended(ChargingSession session, boolean first) {
    }
}
