package org.evcharging.central.application;

import java.math.BigDecimal;

import org.evcharging.api.model.SessionEnding;
import org.evcharging.central.domain.model.chargingpoint.CpId;

/**
 * A session that has not ended, as Central follows it live: the latest meter reading (flushed to
 * the database in batches) and, once an ending was asked for, how long to wait for the CP's own
 * final figures before closing with what is known.
 */
public final class RunningSession {

    private final String id;
    private final CpId cpId;
    private final String driverId;
    private final long startDeadlineNanos;
    private BigDecimal energy;
    private BigDecimal cost;
    private boolean supplying;
    private boolean dirty;
    private SessionEnding requestedEnding;
    private long endDeadlineNanos;

    RunningSession(String id, CpId cpId, String driverId, BigDecimal energy, BigDecimal cost, boolean supplying,
                   long startDeadlineNanos) {
        this.id = id;
        this.cpId = cpId;
        this.driverId = driverId;
        this.energy = energy;
        this.cost = cost;
        this.supplying = supplying;
        this.startDeadlineNanos = startDeadlineNanos;
    }

    /** Keeps the reading if it has more energy; true when it did (a new tick, not a duplicate). */
    synchronized boolean meter(BigDecimal newEnergy, BigDecimal newCost) {
        if (newEnergy.compareTo(energy) <= 0) {
            return false;
        }
        energy = newEnergy;
        cost = newCost;
        supplying = true;
        dirty = true;
        return true;
    }

    /** The reading to persist, once; null when nothing changed since the last flush. */
    synchronized Reading takeDirtyReading() {
        if (!dirty) {
            return null;
        }
        dirty = false;
        return new Reading(id, energy, cost);
    }

    synchronized void requestEnding(SessionEnding ending, long deadlineNanos) {
        if (requestedEnding == null) {
            requestedEnding = ending;
            endDeadlineNanos = deadlineNanos;
        }
    }

    /** The ending whose wait is over, if any; or START_FAILED when the CP never started. */
    synchronized SessionEnding overdueEnding(long nowNanos) {
        if (requestedEnding != null && nowNanos - endDeadlineNanos > 0) {
            return requestedEnding;
        }
        if (!supplying && requestedEnding == null && nowNanos - startDeadlineNanos > 0) {
            return SessionEnding.START_FAILED;
        }
        return null;
    }

    /** The ending Central asked the CP for, if any (null otherwise). */
    public synchronized SessionEnding requestedEnding() {
        return requestedEnding;
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

    public synchronized BigDecimal energy() {
        return energy;
    }

    public synchronized BigDecimal cost() {
        return cost;
    }

    public synchronized boolean isSupplying() {
        return supplying;
    }

    /** One meter reading to persist. */
    public record Reading(String sessionId, BigDecimal energy, BigDecimal cost) {
    }
}
