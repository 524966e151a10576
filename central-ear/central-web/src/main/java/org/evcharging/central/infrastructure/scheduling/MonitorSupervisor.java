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
import java.util.logging.Logger;

import org.evcharging.central.application.MonitorLink;
import org.evcharging.central.application.MonitorLinks;
import org.evcharging.central.infrastructure.config.CentralConfig;

/** Looks for silent Monitors every {@code monitor.supervision.period.ms}; the rule is {@link MonitorLinks#closeSilent}. */
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
        for (MonitorLink link : links.closeSilent(System.nanoTime(), missed)) {
            LOG.warning(() -> "CP " + link.cpId() + ": no sign of life for " + missed + " heartbeat intervals of "
                    + link.heartbeatSeconds() + " s; closed " + link.channel().id());
        }
    }
}
