package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.LiveSession;
import org.evcharging.central.domain.model.session.MeterReading;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.NotFoundException;

/**
 * Charging sessions from request to ticket. Readings may arrive twice (Monitor and Kafka), late or
 * out of order: each is applied once because readings are cumulative. Every session ends with
 * exactly one ticket to its driver, whichever of unplug, driver stop, operator stop, maximum
 * duration, fault or lost link ends it.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class.getName());

    @Inject
    SessionStore store;

    @Inject
    RunningSessions running;

    @Inject
    MonitorLinks links;

    @Inject
    DriverNotifier drivers;

    @Inject
    CentralSettings settings;

    @Inject
    Event<PanelNotice> notices;

    @Inject
    Ownership ownership;

    LongSupplier nanoTime = System::nanoTime;

    /**
     * A driver asks for a charge: accepted only on a CP that {@link ChargingPoint#acceptsCharge()
     * accepts one}, for a driver with no session running; the CP is then told to supply. The same
     * request delivered again gets the session it opened the first time. Throws the refusal.
     */
    public ChargingSession requestCharge(CpId cpId, String driverId, String requestMessageId) {
        Optional<String> other = sessionInProgress(driverId);
        if (other.isPresent()) {
            // The same request delivered again while its session runs, or really a second one.
            Optional<ChargingSession> already = store.openedBy(requestMessageId);
            if (already.isPresent()) {
                return already.get();
            }
            notices.fire(PanelNotice.request(cpId.value(), driverId));
            throw new ConflictException("Driver " + driverId + " already has a charging session in progress ("
                    + other.get() + ")");
        }
        ChargeRequestHops.mark(ChargeRequestHops.Hop.DEDUP_READ);
        notices.fire(PanelNotice.request(cpId.value(), driverId));
        ChargeRequestHops.mark(ChargeRequestHops.Hop.ADMIT);
        // The idempotency check rides in the opening transaction: a request seen before (its session
        // since ended) gets that session back and its CP is not told again.
        SessionStore.Opened opened;
        try {
            opened = store.openOnce(cpId, driverId, requestMessageId);
        } catch (RuntimeException refusedOrRaced) {
            // Another Central may have opened a session for this very request a moment ago (a request
            // forwarded while the CP changed hands): the UNIQUE request id refused ours; theirs stands.
            Optional<ChargingSession> already = store.openedBy(requestMessageId);
            if (already.isEmpty()) {
                throw refusedOrRaced;
            }
            return already.get();
        }
        ChargeRequestHops.mark(ChargeRequestHops.Hop.DB_COMMIT);
        if (!opened.created()) {
            return opened.session();
        }
        return supply(opened.session());
    }

    /**
     * A session a request has just opened is followed from now on and its CP told to supply; throws
     * the refusal when the CP cannot be reached, the session then ended at once.
     */
    ChargingSession supply(ChargingSession session) {
        CpId cpId = CpId.of(session.cpId());
        LiveSession live = new LiveSession(session.id(), cpId, session.driverId(), session.reading(), false,
                nanoTime.getAsLong() + settings.sessionStartTimeout().toNanos());
        running.add(live);
        boolean sent = links.tell(cpId, cp -> cp.startSupply(session.id(), session.driverId(), session.pricePerKwh()));
        ChargeRequestHops.mark(ChargeRequestHops.Hop.SOCKET_WRITE);
        if (!sent) {
            // Never leave an accepted request hanging on a CP nobody can reach (quirk 10.21).
            finish(live, null, SessionEnding.START_FAILED);
            throw new ConflictException("Charging point " + cpId + " could not be reached; the charge was not started");
        }
        LOG.info(() -> "Session " + session.id() + ": CP " + cpId + " authorized to supply driver " + session.driverId());
        return session;
    }

    /** Whether the driver has a session in progress, here or (clustered) on another Central. */
    boolean hasSessionInProgress(String driverId) {
        return sessionInProgress(driverId).isPresent();
    }

    /**
     * The driver's session in progress ("id at cp"), if any. With several Centrals another one may be
     * following it, so the database is asked when this Central follows none.
     */
    private Optional<String> sessionInProgress(String driverId) {
        Optional<LiveSession> here = running.ofDriver(driverId);
        if (here.isPresent() || !ownership.clustered()) {
            return here.map(live -> live.id() + " at " + live.cpId());
        }
        return store.ofDriver(driverId, 1).stream().filter(ChargingSession::isRunning).findFirst()
                .map(session -> session.id() + " at " + session.cpId());
    }

    /** The CP a session runs (or ran) at; empty for a session Central never opened. */
    public Optional<CpId> cpOf(String sessionId) {
        Optional<LiveSession> live = running.get(sessionId);
        if (live.isPresent()) {
            return Optional.of(live.get().cpId());
        }
        return store.find(sessionId).map(session -> CpId.of(session.cpId()));
    }

    /** A meter reading from the Monitor or from Kafka. Throws NotFoundException for a session that never existed. */
    public void reading(String sessionId, MeterReading reading) {
        Optional<LiveSession> live = running.get(sessionId);
        if (live.isEmpty()) {
            // Late telemetry of an ended session changes nothing (10.22); one ended lately is known
            // without a database read, which made each late duplicate cost a transaction.
            if (!running.endedRecently(sessionId)) {
                requireKnown(sessionId);
            }
            return;
        }
        LiveSession session = live.get();
        if (session.meter(reading, nanoTime.getAsLong())) {
            drivers.notify(ChargingStatusUpdate.progress(session.driverId(), session.id(), session.cpId().value(),
                    reading.energyKwh().doubleValue(), reading.cost().doubleValue()));
        }
    }

    /**
     * The CP's own final figures (socket or Kafka, possibly twice, possibly after Central closed it).
     * {@code reported} is empty for a first-implementation Engine, which does not say why it ended;
     * {@code endedAtEpochSeconds} is when the CP says it ended (null if it did not say).
     */
    public void completion(String sessionId, MeterReading last, Optional<SessionEnding> reported, Long endedAtEpochSeconds) {
        Long endedAtMillis = endedAtEpochSeconds == null ? null : TimeUnit.SECONDS.toMillis(endedAtEpochSeconds);
        Optional<LiveSession> live = running.get(sessionId);
        if (live.isPresent()) {
            finish(live.get(), last, live.get().endingFor(reported), endedAtMillis);
            return;
        }
        Optional<MeterReading> endedWith = running.endedWith(sessionId);
        if (endedWith.isPresent() && !last.isAheadOf(endedWith.get())) {
            return; // the other copy of figures its ticket already holds: nothing to write, nothing to read
        }
        requireKnown(sessionId);
        // Not followed live: already ended, or not yet re-loaded after a restart.
        SessionEnding ending = reported.orElse(SessionEnding.UNPLUGGED);
        SessionStore.Ended ended = store.close(sessionId, last, ending, endedAtMillis);
        ticketOnce(ended, ending);
        if (!ended.first() && last.isAheadOf(ended.session().reading())) {
            LOG.warning(() -> "Session " + sessionId + ": the CP's final figures (" + last.energyKwh()
                    + " kWh) came after its ticket (" + ended.session().energyKwh() + " kWh, "
                    + ended.session().endedBy() + "); the ticket stands");
        }
    }

    /** The same without the CP's end time. */
    public void completion(String sessionId, MeterReading last, Optional<SessionEnding> reported) {
        completion(sessionId, last, reported, null);
    }

    /** The driver's stop: only their own running session (quirk 10.23). Asking twice asks the CP once. */
    public ChargingSession stopByDriver(String sessionId, String driverId) {
        ChargingSession session = requireKnown(sessionId);
        if (!session.belongsTo(driverId)) {
            throw new ConflictException("Charging session " + sessionId + " does not belong to driver " + driverId);
        }
        LiveSession live = running.get(sessionId).orElseThrow(
                () -> new ConflictException("Charging session " + sessionId + " has already ended"));
        if (live.requestedEnding() != SessionEnding.DRIVER_STOP) {
            askCpToEnd(live, SessionEnding.DRIVER_STOP);
        }
        return session;
    }

    /** The CP refused to start the supply Central asked for: the session ends now, not at the start time-out. */
    public void startRefused(String sessionId) {
        running.get(sessionId).filter(live -> !live.isSupplying())
                .ifPresent(live -> finish(live, null, SessionEnding.START_FAILED));
    }

    /** An operator stopped the CP: its supply ends. */
    public void operatorStopped(CpId cpId) {
        running.onCp(cpId).ifPresent(live -> askCpToEnd(live, SessionEnding.OPERATOR_STOP));
    }

    /**
     * The Engine failed: the CP turns FAULTY and whatever session is open on it ends at once with the
     * energy metered so far — also one accepted a moment ago and not yet followed here.
     */
    public ChargingPoint engineFailed(CpId cpId) {
        Optional<LiveSession> live = running.onCp(cpId);
        live.ifPresent(running::remove);
        SessionStore.Fault fault = store.engineFailed(cpId, live.map(LiveSession::reading).orElse(null));
        ticketOnce(fault.ended(), SessionEnding.ENGINE_FAULT);
        return fault.chargingPoint();
    }

    /**
     * The Monitor is gone: the supply may go on at the CP (a cut link) or the Engine may end it and
     * report through Kafka. Followed until news comes or {@link CentralSettings#monitorLostGrace()} passes.
     */
    public void monitorLost(CpId cpId) {
        running.onCp(cpId).ifPresent(live -> live.requestEnding(SessionEnding.MONITOR_LOST, nanoTime.getAsLong(),
                settings.monitorLostGrace()));
    }

    /** The Monitor is back: a supply its CP still runs is no longer ended for the lost link or Central's restart. */
    public void monitorBack(CpId cpId) {
        running.onCp(cpId).filter(LiveSession::heardFromAgain)
                .ifPresent(live -> LOG.info(() -> "Session " + live.id() + " at CP " + cpId + " goes on: its Monitor is back"));
    }

    /** Closes sessions whose CP never started, or whose final figures did not come in time. */
    public void closeOverdue() {
        long now = nanoTime.getAsLong();
        for (LiveSession live : running.all()) {
            SessionEnding overdue = live.overdueEnding(now);
            if (overdue != null && presumedEnding(overdue) && ownership.heldElsewhere(live.cpId()).isPresent()) {
                // Followed here only because its Monitor was lost; the Central the Monitor moved to follows it now.
                running.forget(live);
                LOG.info(() -> "Session " + live.id() + " at CP " + live.cpId() + " is followed by the CP's new Central");
                continue;
            }
            if (overdue != null) {
                LOG.warning(() -> "Session " + live.id() + " at CP " + live.cpId() + " closed by Central: " + overdue.description());
                finish(live, null, overdue);
            }
        }
    }

    private static boolean presumedEnding(SessionEnding ending) {
        return ending == SessionEnding.MONITOR_LOST || ending == SessionEnding.CENTRAL_LOST;
    }

    private ChargingSession requireKnown(String sessionId) {
        return store.find(sessionId)
                .orElseThrow(() -> new NotFoundException("Charging session " + sessionId + " does not exist"));
    }

    private void askCpToEnd(LiveSession live, SessionEnding ending) {
        boolean told = links.tell(live.cpId(), cp -> cp.endSupply(live.id(), live.driverId()));
        if (told) {
            live.requestEnding(ending, nanoTime.getAsLong(), settings.sessionEndGrace());
        } else {
            finish(live, null, ending);
        }
    }

    /**
     * Ends a running session (with the CP's figures when known) and gives the driver the ticket once:
     * the same completion often arrives twice at once (Monitor and Kafka), and only the transaction
     * that really ended the session in the database (optimistic lock) sees it as its first ending.
     */
    private void finish(LiveSession live, MeterReading last, SessionEnding ending) {
        finish(live, last, ending, null);
    }

    /** The same, with when the CP says the supply ended (null when unknown). */
    private void finish(LiveSession live, MeterReading last, SessionEnding ending, Long endedAtMillis) {
        live.settle(last);
        running.remove(live);
        ticketOnce(store.close(live.id(), live.reading(), ending, endedAtMillis), ending);
    }

    private void ticketOnce(SessionStore.Ended ended, SessionEnding ending) {
        if (ended != null && ended.first()) {
            drivers.notify(Tickets.of(ended.session()));
            LOG.info(() -> "Session " + ended.session().id() + " ended (" + ending.wire() + "): "
                    + ended.session().energyKwh() + " kWh, " + ended.session().totalCost() + " EUR");
        }
    }
}
