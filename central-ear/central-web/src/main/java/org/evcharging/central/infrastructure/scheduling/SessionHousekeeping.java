package org.evcharging.central.infrastructure.scheduling;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.evcharging.central.application.SessionService;
import org.evcharging.central.infrastructure.config.CentralConfig;

/**
 * The periodic work of sessions: meter readings are written in batches (one transaction for all
 * sessions, instead of one per tick), and sessions whose CP never started or never reported are
 * closed so that no driver waits for a ticket forever.
 */
@ApplicationScoped
public class SessionHousekeeping {

    private static final Logger LOG = Logger.getLogger(SessionHousekeeping.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SessionService sessions;

    @Inject
    CentralConfig config;

    private ScheduledFuture<?> task;

    void start(@Observes @Priority(60) Startup event) {
        long period = config.telemetryFlushPeriod().toMillis();
        task = scheduler.scheduleWithFixedDelay(this::run, period, period, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes Shutdown event) {
        if (task != null) {
            task.cancel(false);
        }
        run();
    }

    private void run() {
        try {
            sessions.flushReadings();
            sessions.closeOverdue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Session housekeeping failed; retrying next period", e);
        }
    }
}
