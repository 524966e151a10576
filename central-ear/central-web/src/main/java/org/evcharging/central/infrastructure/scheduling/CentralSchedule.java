package org.evcharging.central.infrastructure.scheduling;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.evcharging.central.application.AdoptedSessions;
import org.evcharging.central.application.MonitorLink;
import org.evcharging.central.application.MonitorLinks;
import org.evcharging.central.application.Ownership;
import org.evcharging.central.application.ReadingsFlush;
import org.evcharging.central.application.SessionService;
import org.evcharging.central.infrastructure.config.CentralConfig;

/**
 * When Central's rules run by themselves. First at start: CPs are loaded DISCONNECTED and sessions
 * left running are followed again, before anything else runs. Then periodically: silent Monitors
 * are looked for, meter readings are written in batches (one transaction for all sessions) and
 * sessions whose CP never started or never reported are closed, so no driver waits forever.
 */
@ApplicationScoped
public class CentralSchedule {

    private static final Logger LOG = Logger.getLogger(CentralSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    /**
     * The lease tick on a thread of its own: on the shared scheduler it queued behind the Monitor
     * frames and Kafka hand-offs of a busy Central until its leases expired and a peer reaped live CPs.
     */
    private ScheduledExecutorService leaseTicker;

    @Inject
    SessionService sessions;

    @Inject
    AdoptedSessions adopted;

    @Inject
    MonitorLinks links;

    @Inject
    CentralConfig config;

    @Inject
    Ownership ownership;

    @Inject
    ReadingsFlush readings;

    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

    void load(@Observes @Priority(50) Startup event) {
        adopted.resumeAfterRestart();
    }

    void start(@Observes @Priority(60) Startup event) {
        every(config.telemetryFlushPeriod().toMillis(), "Session housekeeping", () -> {
            readings.flush();
            sessions.closeOverdue();
        });
        every(config.supervisionPeriod().toMillis(), "Monitor supervision", this::closeSilentLinks);
        if (ownership.clustered()) {
            LOG.info(() -> "Clustered: this Central is " + ownership.me() + "; CP leases of " + config.leaseTerm().toSeconds()
                    + " s renewed every " + config.clusterTick().toMillis() + " ms");
            leaseTicker = Executors.newSingleThreadScheduledExecutor(threads);
            every(leaseTicker, config.clusterTick().toMillis(), "CP leases", ownership::tick);
        }
    }

    void stop(@Observes Shutdown event) {
        tasks.forEach(task -> task.cancel(false));
        if (leaseTicker != null) {
            leaseTicker.shutdown();
        }
        readings.flush();
    }

    private void closeSilentLinks() {
        int missed = config.missedHeartbeats();
        for (MonitorLink link : links.closeSilent(System.nanoTime(), missed)) {
            LOG.warning(() -> "CP " + link.cpId() + ": no sign of life for " + missed + " heartbeat intervals of "
                    + link.heartbeatSeconds() + " s; closed " + link.channel().id());
        }
    }

    private void every(long periodMillis, String what, Runnable work) {
        every(scheduler, periodMillis, what, work);
    }

    private void every(ScheduledExecutorService on, long periodMillis, String what, Runnable work) {
        tasks.add(on.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // A failed round (e.g. the database busy) must not end the schedule.
                LOG.log(Level.WARNING, what + " failed; retrying next period", e);
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS));
    }
}
