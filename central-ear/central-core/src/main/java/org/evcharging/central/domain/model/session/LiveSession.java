package org.evcharging.central.domain.model.session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import org.evcharging.api.metering.PowerEstimate;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.central.domain.model.chargingpoint.CpId;

/**
 * The live side of a {@link ChargingSession} that has not ended: its latest meter reading (the
 * database receives readings in batches, so the telemetry path never waits for it) and the rules
 * of how it ends — how long to wait for the CP's own final figures once an ending was asked for,
 * which ending the ticket names, which figures it bills. Shared by the socket, Kafka and timer
 * threads, hence synchronized.
 */
public final class LiveSession {

    private final String id;
    private final CpId cpId;
    private final String driverId;
    private final long startDeadlineNanos;
    private MeterReading reading;
    private PowerEstimate power = PowerEstimate.none();
    private boolean supplying;
    private boolean unsaved;
    private SessionEnding requestedEnding;
    private long endGraceNanos;
    private long endDeadlineNanos;

    public LiveSession(String id, CpId cpId, String driverId, MeterReading reading, boolean supplying,
                       long startDeadlineNanos) {
        this.id = id;
        this.cpId = cpId;
        this.driverId = driverId;
        this.reading = reading;
        this.supplying = supplying;
        this.startDeadlineNanos = startDeadlineNanos;
    }

    /** The live side of a session read back from the database. */
    public static LiveSession of(ChargingSession session, long startDeadlineNanos) {
        return new LiveSession(session.id(), CpId.of(session.cpId()), session.driverId(), session.reading(),
                session.hasStarted(), startDeadlineNanos);
    }

    /**
     * Keeps the reading if it is newer; true when it was (a new tick, not a duplicate or a late one).
     * A new tick is news from a supply Central had stopped hearing about: its wait starts again.
     */
    public synchronized boolean meter(MeterReading next, long nowNanos) {
        if (!next.isAheadOf(reading)) {
            return false;
        }
        reading = next;
        power = power.withReading(next.energyKwh().doubleValue(), TimeUnit.NANOSECONDS.toMillis(nowNanos));
        supplying = true;
        unsaved = true;
        if (requestedEnding != null && !requestedEnding.commandedByCentral()) {
            endDeadlineNanos = nowNanos + endGraceNanos;
        }
        return true;
    }

    /** The reading to persist, once; null when nothing changed since the last call. */
    public synchronized MeterReading takeUnsavedReading() {
        if (!unsaved) {
            return null;
        }
        unsaved = false;
        return reading;
    }

    /**
     * Central asked for an ending and waits {@code grace} for the CP's own final figures. A stop
     * Central commanded (driver, operator) replaces an ending it only presumed because it could not
     * hear the CP (lost Monitor, own restart); otherwise the first ending asked is the one that counts.
     */
    public synchronized void requestEnding(SessionEnding ending, long nowNanos, Duration grace) {
        boolean replaces = requestedEnding == null
                || ending.commandedByCentral() && !requestedEnding.commandedByCentral();
        if (replaces) {
            requestedEnding = ending;
            endGraceNanos = grace.toNanos();
            endDeadlineNanos = nowNanos + endGraceNanos;
        }
    }

    /**
     * The CP is heard from again (its Monitor is back): an ending Central only presumed while it
     * could not hear the CP is withdrawn; a commanded stop stays. True when one was withdrawn.
     */
    public synchronized boolean heardFromAgain() {
        if (requestedEnding == null || requestedEnding.commandedByCentral()) {
            return false;
        }
        requestedEnding = null;
        return true;
    }

    /** The ending whose wait is over, if any; START_FAILED when the CP never started in time. */
    public synchronized SessionEnding overdueEnding(long nowNanos) {
        if (requestedEnding != null && nowNanos - endDeadlineNanos > 0) {
            return requestedEnding;
        }
        if (!supplying && requestedEnding == null && nowNanos - startDeadlineNanos > 0) {
            return SessionEnding.START_FAILED;
        }
        return null;
    }

    /**
     * How the supply ended, for the ticket. A stop Central commanded is known better here than at
     * the CP (the stop command carries no reason); otherwise the CP's own word, else what Central
     * was waiting for, else the vehicle was unplugged.
     */
    public synchronized SessionEnding endingFor(Optional<SessionEnding> reported) {
        if (requestedEnding != null && requestedEnding.commandedByCentral()) {
            return requestedEnding;
        }
        return reported.orElse(requestedEnding != null ? requestedEnding : SessionEnding.UNPLUGGED);
    }

    /**
     * The session ends with the CP's final figures ({@code reported}, null when unknown), or with the
     * latest reading if that is newer: what the ticket bills.
     */
    public synchronized void settle(MeterReading reported) {
        reading = reading.latest(reported);
    }

    public synchronized SessionEnding requestedEnding() {
        return requestedEnding;
    }

    /** The live power in kW (the same estimate the driver's portal shows), or null before two readings. */
    public synchronized BigDecimal powerKw() {
        OptionalDouble kw = power.kw();
        return kw.isPresent() ? BigDecimal.valueOf(kw.getAsDouble()).setScale(2, RoundingMode.HALF_UP) : null;
    }

    public synchronized MeterReading reading() {
        return reading;
    }

    public synchronized boolean isSupplying() {
        return supplying;
    }

    public String id() {
        return id;
    }

    public CpId cpId() {
        return cpId;
    }

    public String driverId() {
        return driverId;
    }
}
