package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.evcharging.api.model.SessionEnding;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.ChargingPointRepository;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.ChargingSessionRepository;
import org.evcharging.central.domain.model.session.MeterReading;
import org.evcharging.central.domain.shared.DomainException;

/**
 * The transactions of the session life-cycle. Each changes a session and its CP together, so the
 * CP is never seen charging for a session that ended, nor free while a session runs on it.
 */
@ApplicationScoped
@RetryOnConflict
@Transactional(dontRollbackOn = DomainException.class)
public class SessionStore {

    @Inject
    ChargingSessionRepository sessions;

    @Inject
    ChargingPointRepository chargingPoints;

    @Inject
    Event<ChargingPointChanged> changes;

    Clock clock = Clock.systemUTC();

    /** Checks the CP may supply (throws the refusal) and records the authorized session. */
    private ChargingSession open(CpId cpId, String driverId, String requestMessageId) {
        ChargingPoint cp = chargingPoints.get(cpId);
        cp.supplyStarted();
        ChargingSession session = ChargingSession.authorized(UUID.randomUUID().toString(), cpId.value(), driverId,
                cp.pricePerKwh(), requestMessageId, clock.millis());
        sessions.add(session);
        changes.fire(ChargingPointChanged.of(cp));
        return session;
    }

    /**
     * {@link #open} unless {@code requestMessageId} already opened a session, which is then returned
     * instead: the idempotency check and the insert in one transaction, one commit on the path to
     * the start command instead of two.
     */
    public Opened openOnce(CpId cpId, String driverId, String requestMessageId) {
        Optional<ChargingSession> already = openedBy(requestMessageId);
        if (already.isPresent()) {
            return new Opened(already.get(), false);
        }
        return new Opened(open(cpId, driverId, requestMessageId), true);
    }

    /**
     * {@link #openOnce} for each request, in one transaction: one wait for the database, one look-up of
     * the requests seen before and one commit for all of them. A refusal stays with its request; the
     * others are opened all the same.
     */
    public List<Attempt> openAll(List<Request> requests) {
        Map<String, ChargingSession> seenBefore = sessions.findByRequests(requests.stream()
                        .map(Request::requestMessageId).filter(Objects::nonNull).toList())
                .stream().collect(Collectors.toMap(ChargingSession::requestMessageId, session -> session));
        List<Attempt> attempts = new ArrayList<>(requests.size());
        for (Request request : requests) {
            ChargingSession already = request.requestMessageId() == null ? null : seenBefore.get(request.requestMessageId());
            if (already != null) {
                attempts.add(new Attempt(new Opened(already, false), null));
                continue;
            }
            try {
                attempts.add(new Attempt(new Opened(open(request.cpId(), request.driverId(), request.requestMessageId()), true), null));
            } catch (DomainException refusal) {
                attempts.add(new Attempt(null, refusal));
            }
        }
        return attempts;
    }

    /** Ends the session ({@code last}: the CP's final figures, null if unknown); says whether this call ended it. */
    public Ended close(String sessionId, MeterReading last, SessionEnding ending) {
        return close(sessionId, last, ending, null);
    }

    /** The same, with when the CP says the supply ended (null when it did not say). */
    public Ended close(String sessionId, MeterReading last, SessionEnding ending, Long reportedEndMillis) {
        ChargingSession session = sessions.find(sessionId).orElseThrow();
        boolean first = session.end(last, ending, clock.millis(), reportedEndMillis);
        if (first) {
            chargingPoints.find(CpId.of(session.cpId())).ifPresent(cp -> {
                cp.supplyEnded();
                changes.fire(ChargingPointChanged.of(cp));
            });
        }
        return new Ended(session, first);
    }

    /**
     * The CP's Engine failed: the CP turns FAULTY and the session open on it (if any) ends with
     * {@code last} (the latest reading known, or null), in one transaction.
     */
    public Fault engineFailed(CpId cpId, MeterReading last) {
        ChargingPoint cp = chargingPoints.get(cpId);
        cp.engineFailed();
        Ended ended = sessions.findUnfinishedOn(cpId.value())
                .map(open -> close(open.id(), last, SessionEnding.ENGINE_FAULT)).orElse(null);
        changes.fire(ChargingPointChanged.of(cp));
        return new Fault(cp, ended);
    }

    public void saveReadings(Map<String, MeterReading> readings) {
        long now = clock.millis();
        readings.forEach((sessionId, reading) -> sessions.find(sessionId).ifPresent(s -> s.meter(reading, now)));
    }

    /** What Central found at start: the sessions left running, and the CPs whose Monitors were linked when it stopped. */
    public record AtStart(List<ChargingSession> unfinished, Set<String> linkedBefore) {
    }

    /**
     * Central (re)started: every CP is DISCONNECTED until its Monitor connects, and one whose session
     * is still open stays booked for it. The CPs in {@code heldByOthers} (and their sessions) are left
     * alone: other live Centrals own them.
     */
    public AtStart loadAtStart(Set<String> heldByOthers) {
        List<ChargingSession> unfinished = sessions.findUnfinished().stream()
                .filter(s -> !heldByOthers.contains(s.cpId())).toList();
        Set<String> booked = unfinished.stream().map(ChargingSession::cpId).collect(Collectors.toSet());
        Set<String> linkedBefore = new java.util.HashSet<>();
        for (ChargingPoint cp : chargingPoints.loadAllAtStart()) {
            if (heldByOthers.contains(cp.id().value())) {
                continue;
            }
            if (cp.isConnected()) {
                linkedBefore.add(cp.id().value());
            }
            cp.markDisconnectedAtStart(booked.contains(cp.id().value()));
            changes.fire(ChargingPointChanged.of(cp));
        }
        return new AtStart(unfinished, Set.copyOf(linkedBefore));
    }

    /** Every session not ended yet, on any CP. */
    public List<ChargingSession> unfinished() {
        return sessions.findUnfinished();
    }

    /** The session still open on the CP, if any. */
    public Optional<ChargingSession> unfinishedOn(CpId cpId) {
        return sessions.findUnfinishedOn(cpId.value());
    }

    public Optional<ChargingSession> openedBy(String requestMessageId) {
        return requestMessageId == null ? Optional.empty() : sessions.findByRequest(requestMessageId);
    }

    public Optional<ChargingSession> find(String sessionId) {
        return sessions.find(sessionId);
    }

    public List<ChargingSession> ofDriver(String driverId, int limit) {
        return sessions.findByDriver(driverId, limit);
    }

    public List<ChargingSession> all(int limit) {
        return sessions.findAll(limit);
    }

    /** The session a request opened, and whether this call opened it (then the CP is still to be told). */
    public record Opened(ChargingSession session, boolean created) {
    }

    /** A charge request to open a session for. */
    public record Request(CpId cpId, String driverId, String requestMessageId) {
    }

    /** What {@link #openAll} made of one request: its session (opened now or before), or the refusal. */
    public record Attempt(Opened opened, DomainException refusal) {
    }

    /** A session that ended, and whether this call ended it (then its ticket is due). */
    public record Ended(ChargingSession session, boolean first) {
    }

    /** A CP after its Engine failed, and the session that ended with it (null if none ran). */
    public record Fault(ChargingPoint chargingPoint, Ended ended) {
    }
}
