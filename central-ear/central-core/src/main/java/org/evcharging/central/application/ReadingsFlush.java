package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

import org.evcharging.central.domain.model.session.LiveSession;
import org.evcharging.central.domain.model.session.MeterReading;

/**
 * Makes the running sessions' latest readings durable, {@link #READINGS_PER_TRANSACTION} sessions to a
 * transaction: one transaction for all held the database's one connection (SQLite) for tens of
 * milliseconds at 1,000 sessions, and every charge request arriving meanwhile waited for it.
 */
@ApplicationScoped
public class ReadingsFlush {

    static final int READINGS_PER_TRANSACTION = 25;

    @Inject
    RunningSessions running;

    @Inject
    SessionStore store;

    /** Writes each session's reading not written yet. */
    public void flush() {
        Map<String, MeterReading> unsaved = new LinkedHashMap<>();
        for (LiveSession live : running.all()) {
            MeterReading reading = live.takeUnsavedReading();
            if (reading != null) {
                unsaved.put(live.id(), reading);
            }
            if (unsaved.size() == READINGS_PER_TRANSACTION) {
                store.saveReadings(unsaved);
                unsaved = new LinkedHashMap<>();
            }
        }
        if (!unsaved.isEmpty()) {
            store.saveReadings(unsaved);
        }
    }
}
