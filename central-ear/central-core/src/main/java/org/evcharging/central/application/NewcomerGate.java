package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.evcharging.central.domain.shared.ConflictException;

/**
 * Keeps unknown ids from flooding the operator's pending list: a cap on how many CPs may wait, and
 * a per-source limit on how many new ones may join per minute. In memory, like the Monitor links.
 */
@ApplicationScoped
public class NewcomerGate {

    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int FORGET_ABOVE = 10_000;

    @Inject
    CentralSettings settings;

    LongSupplier nanoTime = System::nanoTime;

    private final Map<String, Window> bySource = new ConcurrentHashMap<>();

    /** Lets a new CP from {@code source} join the {@code pendingNow} waiting ones, or refuses it with the reason. */
    public void admit(String source, int pendingNow) {
        int cap = settings.maxPendingCps();
        if (pendingNow >= cap) {
            throw new ConflictException("Too many charging points are waiting for authorization (" + cap
                    + "): ask the operator to register this one in the registry");
        }
        long now = nanoTime.getAsLong();
        if (bySource.size() > FORGET_ABOVE) {
            bySource.values().removeIf(window -> now - window.start >= MINUTE_NANOS);
        }
        int limit = settings.newcomersPerMinutePerSource();
        Window window = bySource.compute(source, (key, old) ->
                old == null || now - old.start >= MINUTE_NANOS ? new Window(now, 1) : new Window(old.start, old.count + 1));
        if (window.count > limit) {
            throw new ConflictException("Too many new charging points from " + source + " (at most " + limit
                    + " a minute): try again later");
        }
    }

    private record Window(long start, int count) {
    }
}
