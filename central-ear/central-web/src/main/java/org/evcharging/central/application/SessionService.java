package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.logging.Logger;

import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.monitor.StopChargingSessionCommand;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.NotFoundException;
import org.evcharging.central.infrastructure.config.CentralConfig;

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
    CentralConfig config;

    @Inject
    jakarta.enterprise.event.Event<PanelNotice> notices;

    /**
     * A driver asks for a charge: accepted only on an authorized, connected, ACTIVE CP for a driver
     * with no session running; the CP is then told to supply. Throws the refusal.
     */
    public ChargingSession requestCharge(CpId cpId, String driverId, String requestMessageId) {
        // The same request delivered again (e.g. after a Central crash, before its offset was committed).
        Optional<ChargingSession> already = store.openedBy(requestMessageId);
        if (already.isPresent()) {
            return already.get();
        }
        notices.fire(PanelNotice.request(cpId.value(), driverId));
        running.ofDriver(driverId).ifPresent(other -> {
            throw new ConflictException("Driver " + driverId + " already has a charging session in progress ("
                    + other.id() + " at " + other.cpId() + ")");
        });
        running.onCp(cpId).ifPresent(other -> {
            // After a restart the CP looks ACTIVE while its Engine still finishes the supply Central follows.
            throw new ConflictException("Charging point " + cpId + " current status is CHARGING, cannot charge");
        });
        ChargingSession session = store.open(cpId, driverId, requestMessageId);
        RunningSession live = new RunningSession(session.id(), cpId, driverId, session.energyKwh(),
                session.totalCost(), false, System.nanoTime() + config.sessionStartTimeout().toNanos());
        running.add(live);
        boolean sent = links.send(cpId, StartChargingCommand.of(cpId.value(), session.id(), driverId,
                session.pricePerKwh().doubleValue()));
        if (!sent) {
            // Never leave an accepted request hanging on a CP nobody can reach (quirk 10.21).
            finish(live, null, null, SessionEnding.START_FAILED);
            throw new ConflictException("Charging point " + cpId + " could not be reached; the charge was not started");
        }
        LOG.info(() -> "Session " + session.id() + ": CP " + cpId + " authorized to supply driver " + driverId);
        return session;
    }

    /** A meter reading from the Monitor or from Kafka. Returns false for an unknown or finished session. */
    public boolean reading(String sessionId, double energyKwh, double totalCost) {
        Optional<RunningSession> live = running.get(sessionId);
        if (live.isEmpty()) {
            return store.find(sessionId).isPresent();
        }
        RunningSession session = live.get();
        BigDecimal energy = scaled(energyKwh, ChargingSession.ENERGY_SCALE);
        BigDecimal cost = scaled(totalCost, ChargingSession.COST_SCALE);
        if (session.meter(energy, cost)) {
            drivers.notify(ChargingStatusUpdate.progress(session.driverId(), session.id(), session.cpId().value(),
                    energy.doubleValue(), cost.doubleValue()));
        }
        return true;
    }

    /**
     * The CP's own final figures (socket or Kafka, possibly twice, possibly after Central closed it).
     * {@code reported} is empty for a first-implementation Engine, which does not say why it ended.
     */
    public void completion(String sessionId, double energyKwh, double totalCost, Optional<SessionEnding> reported) {
        BigDecimal energy = scaled(energyKwh, ChargingSession.ENERGY_SCALE);
        BigDecimal cost = scaled(totalCost, ChargingSession.COST_SCALE);
        Optional<RunningSession> live = running.get(sessionId);
        // A stop Central commanded is known better here than at the CP: the stop command carries no reason.
        Optional<SessionEnding> commanded = live.map(RunningSession::requestedEnding).filter(SessionService::isCommand);
        SessionEnding ending = commanded.or(() -> reported)
                .orElseGet(() -> live.map(RunningSession::requestedEnding).orElse(SessionEnding.UNPLUGGED));
        if (live.isPresent()) {
            finish(live.get(), energy, cost, ending);
            return;
        }
        if (store.find(sessionId).isEmpty()) {
            throw new NotFoundException("Charging session " + sessionId + " does not exist");
        }
        // Not followed live: already ended (only the totals may rise), or not yet re-loaded after a restart.
        SessionStore.Ended ended = closeInStore(sessionId, energy, cost, ending);
        if (ended.first()) {
            drivers.notify(Tickets.of(ended.session()));
        }
    }

    /** The driver's stop: only their own running session (quirk 10.23). */
    public ChargingSession stopByDriver(String sessionId, String driverId) {
        ChargingSession session = store.find(sessionId)
                .orElseThrow(() -> new NotFoundException("Charging session " + sessionId + " does not exist"));
        if (!session.belongsTo(driverId)) {
            throw new ConflictException("Charging session " + sessionId + " does not belong to driver " + driverId);
        }
        RunningSession live = running.get(sessionId).orElseThrow(
                () -> new ConflictException("Charging session " + sessionId + " has already ended"));
        askCpToEnd(live, SessionEnding.DRIVER_STOP);
        return session;
    }

    /** An operator stopped the CP: its supply ends. */
    public void operatorStopped(CpId cpId) {
        running.onCp(cpId).ifPresent(live -> askCpToEnd(live, SessionEnding.OPERATOR_STOP));
    }

    /** The Engine failed: the supply ends at once with the energy metered so far. */
    public void engineFailed(CpId cpId) {
        running.onCp(cpId).ifPresent(live -> finish(live, null, null, SessionEnding.ENGINE_FAULT));
    }

    /** The Monitor is gone: the Engine ends the supply and reports through Kafka; wait a little for it. */
    public void monitorLost(CpId cpId) {
        running.onCp(cpId).ifPresent(live -> live.requestEnding(SessionEnding.MONITOR_LOST,
                System.nanoTime() + config.sessionEndGrace().toNanos()));
    }

    /** Central restarted: sessions left running are followed again; their CPs report the outcome. */
    void resumeAfterRestart() {
        long deadline = System.nanoTime() + config.sessionRestartGrace().toNanos();
        for (ChargingSession session : store.unfinished()) {
            if (running.get(session.id()).isPresent()) {
                continue;
            }
            RunningSession live = new RunningSession(session.id(), CpId.of(session.cpId()), session.driverId(),
                    session.energyKwh(), session.totalCost(), session.startedAtMillis() != null, deadline);
            live.requestEnding(SessionEnding.CENTRAL_LOST, deadline);
            running.add(live);
        }
        LOG.info(() -> running.size() + " sessions were running when Central stopped; waiting for their CPs' results");
    }

    /** Closes sessions whose CP never started, or whose final figures did not come in time. */
    void closeOverdue() {
        long now = System.nanoTime();
        for (RunningSession live : running.all()) {
            SessionEnding overdue = live.overdueEnding(now);
            if (overdue != null) {
                LOG.warning(() -> "Session " + live.id() + " at CP " + live.cpId() + " closed by Central: " + overdue.description());
                finish(live, null, null, overdue);
            }
        }
    }

    /** Persists the latest readings of every session in one transaction. */
    void flushReadings() {
        var readings = running.all().stream().map(RunningSession::takeDirtyReading)
                .filter(java.util.Objects::nonNull).toList();
        if (!readings.isEmpty()) {
            store.saveReadings(readings);
        }
    }

    private void askCpToEnd(RunningSession live, SessionEnding ending) {
        boolean told = links.send(live.cpId(), StopChargingSessionCommand.of(live.cpId().value(), live.id(), live.driverId()));
        if (told) {
            live.requestEnding(ending, System.nanoTime() + config.sessionEndGrace().toNanos());
        } else {
            finish(live, null, null, ending);
        }
    }

    /** Ends a running session (with the CP's figures when known) and gives the driver the ticket once. */
    private void finish(RunningSession live, BigDecimal energy, BigDecimal cost, SessionEnding ending) {
        BigDecimal finalEnergy = max(energy, live.energy());
        BigDecimal finalCost = energy != null && energy.compareTo(live.energy()) >= 0 ? cost : live.cost();
        // The same completion often arrives twice at once (Monitor and Kafka): one thread owns the ending.
        boolean owner = running.remove(live);
        SessionStore.Ended ended = closeInStore(live.id(), finalEnergy, finalCost, ending);
        if (owner && ended.first()) {
            drivers.notify(Tickets.of(ended.session()));
            LOG.info(() -> "Session " + live.id() + " ended (" + ending.wire() + "): " + ended.session().energyKwh()
                    + " kWh, " + ended.session().totalCost() + " EUR");
        }
    }

    /**
     * Closes in the database, again if a concurrent writer got there first (optimistic lock): the
     * retry reads the committed state, so only one caller ever sees the first ending.
     */
    private SessionStore.Ended closeInStore(String sessionId, BigDecimal energy, BigDecimal cost, SessionEnding ending) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.close(sessionId, energy, cost, ending);
            } catch (RuntimeException e) {
                if (attempt == 3 || !causedByOptimisticLock(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean causedByOptimisticLock(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCommand(SessionEnding ending) {
        return ending == SessionEnding.DRIVER_STOP || ending == SessionEnding.OPERATOR_STOP;
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a == null ? b : a.max(b);
    }

    private static BigDecimal scaled(double value, int scale) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            throw new IllegalArgumentException("Meter values must be numbers >= 0");
        }
        return BigDecimal.valueOf(value).setScale(scale, java.math.RoundingMode.HALF_UP);
    }

    /** The driver's final ticket for a session. */
    static final class Tickets {

        private Tickets() {
        }

        static ChargeCompletion of(ChargingSession s) {
            return ChargeCompletion.ticket(s.cpId(), s.id(), s.driverId(), s.energyKwh().doubleValue(),
                    s.totalCost().doubleValue(), s.endedBy(), Times.iso(s.startedAtMillis() != null
                            ? s.startedAtMillis() : s.requestedAtMillis()), Times.iso(s.endedAtMillis()));
        }
    }
}
