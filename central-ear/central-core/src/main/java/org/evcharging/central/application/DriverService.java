package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;

import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.shared.ConflictException;

/** What a driver asks Central, whichever application they use (portal, terminal, the CP's own menu). */
@ApplicationScoped
public class DriverService {

    static final int DEFAULT_HISTORY = 50;

    @Inject
    SessionService sessions;

    @Inject
    SessionStore store;

    @Inject
    ChargingPointService chargingPoints;

    @Inject
    CentralSettings settings;

    Clock clock = Clock.systemUTC();

    /**
     * A charge request; {@code sentAtEpochSeconds} (null when the sender gave none) lets Central refuse
     * a request that waited too long, e.g. queued in Kafka while Central was down: the driver has
     * long been told Central cannot be reached and may be gone.
     */
    public ChargingSession requestCharge(CpId cpId, String driverId, String requestMessageId, Long sentAtEpochSeconds) {
        refuseIfExpired(sentAtEpochSeconds);
        return sessions.requestCharge(cpId, driverId, requestMessageId);
    }

    /** Throws the refusal of a request sent longer ago than {@link CentralSettings#requestMaxAge()}. */
    void refuseIfExpired(Long sentAtEpochSeconds) {
        if (sentAtEpochSeconds != null) {
            long age = clock.instant().getEpochSecond() - sentAtEpochSeconds;
            if (age > settings.requestMaxAge().toSeconds()) {
                throw new ConflictException("Request expired: it was sent " + age + " s ago");
            }
        }
    }

    public ChargingSession stop(String sessionId, String driverId) {
        return sessions.stopByDriver(sessionId, driverId);
    }

    /** Whether the charge request already opened a session (on any Central). */
    public boolean alreadyOpened(String requestMessageId) {
        return store.openedBy(requestMessageId).isPresent();
    }

    /** The CP a session is on, if the session exists. */
    public java.util.Optional<String> cpOfSession(String sessionId) {
        return sessionId == null ? java.util.Optional.empty() : sessions.cpOf(sessionId).map(CpId::value);
    }

    public List<ChargingPoint> availableChargingPoints() {
        return chargingPoints.available();
    }

    /** The driver's ended sessions, newest first; {@code limit} null or <= 0 means the default. */
    public List<ChargingSession> history(String driverId, Integer limit) {
        int max = limit == null || limit <= 0 ? DEFAULT_HISTORY : limit;
        // One more than asked: a driver has at most one running session, which is not history.
        return store.ofDriver(driverId, max + 1).stream().filter(s -> !s.isRunning()).limit(max).toList();
    }
}
