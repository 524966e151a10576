package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

import org.evcharging.api.model.ChargingPointState;

/**
 * After a restart Central sees every CP DISCONNECTED until its Monitor reconnects, which the
 * Monitors linked when it stopped do within seconds. A charge request queued in Kafka meanwhile
 * waits for them, at most {@link CentralSettings#monitorReturnWindow()}, so it is judged by the CP's
 * true state rather than refused because Central has only just started.
 */
@ApplicationScoped
public class ReturningMonitors {

    private static final Logger LOG = Logger.getLogger(ReturningMonitors.class.getName());

    @Inject
    CentralSettings settings;

    LongSupplier nanoTime = System::nanoTime;

    private final Set<String> awaited = new HashSet<>();
    private long deadlineNanos;
    /** Nobody is awaited (any more): charge requests and CP changes pass without taking the lock. */
    private volatile boolean settled = true;

    /** The Monitors of these CPs were linked when Central stopped: they are expected back from now on. */
    public synchronized void expect(Collection<String> cpIds) {
        awaited.addAll(cpIds);
        settled = awaited.isEmpty();
        deadlineNanos = nanoTime.getAsLong() + settings.monitorReturnWindow().toNanos();
        if (!awaited.isEmpty()) {
            LOG.info(() -> "Charge requests wait up to " + settings.monitorReturnWindow().toSeconds() + " s for the Monitors of "
                    + awaited.size() + " CPs linked when Central stopped");
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChargingPointChanged change) {
        if (!settled && change.state() != ChargingPointState.DISCONNECTED) {
            back(change.cpId());
        }
    }

    synchronized void back(String cpId) {
        if (awaited.remove(cpId) && awaited.isEmpty()) {
            notifyAll();
        }
    }

    /**
     * Returns once every expected Monitor is back or the window has passed; from then on nobody is
     * awaited any more. Returns the CPs that did not come back in time.
     */
    public Set<String> awaitReturns() throws InterruptedException {
        return settled ? Set.of() : awaitReturnsOnce();
    }

    private synchronized Set<String> awaitReturnsOnce() throws InterruptedException {
        long left;
        while (!awaited.isEmpty() && (left = deadlineNanos - nanoTime.getAsLong()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        Set<String> missing = Set.copyOf(awaited);
        if (!missing.isEmpty()) {
            LOG.info(() -> "Not back within " + settings.monitorReturnWindow().toSeconds() + " s of the restart: " + missing
                    + "; charge requests are answered now");
        }
        awaited.clear();
        settled = true;
        return missing;
    }
}
