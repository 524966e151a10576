package org.evcharging.central.application;

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
import java.util.logging.Logger;

import org.evcharging.central.infrastructure.config.CentralConfig;

/**
 * Declares a Monitor dead when it misses {@code monitor.missed.heartbeats} of its own heartbeat
 * intervals (the first implementation never checked, quirk 10.18): its connection is closed, which
 * runs the same path as a lost socket.
 */
@ApplicationScoped
public class MonitorSupervisor {

    private static final Logger LOG = Logger.getLogger(MonitorSupervisor.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MonitorLinks links;

    @Inject
    CentralConfig config;

    private ScheduledFuture<?> task;

    void start(@Observes @Priority(150) Startup event) {
        long period = config.supervisionPeriod().toMillis();
        task = scheduler.scheduleAtFixedRate(this::closeSilentLinks, period, period, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes Shutdown event) {
        if (task != null) {
            task.cancel(false);
        }
    }

    void closeSilentLinks() {
        int missed = config.missedHeartbeats();
        for (MonitorLink link : links.silentLinks(System.nanoTime(), missed)) {
            LOG.warning(() -> "CP " + link.cpId() + ": no sign of life for " + missed + " heartbeat intervals of "
                    + link.heartbeatSeconds() + " s; closing " + link.channel().id());
            link.channel().close();
        }
    }
}
