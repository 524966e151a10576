package org.evcharging.central.application;

import java.util.List;

/**
 * The core's CDI beans. The core jar sits in the EAR's lib/, and a bean there cannot see the
 * adapters' beans in the web module that implement its ports (repositories, settings, notifier).
 * So the core's jar is no bean archive of its own: the web module registers these types as its
 * own beans, where they see both sides.
 */
public final class CoreBeans {

    /** Every class of the core that CDI must manage, interceptors included. */
    public static final List<Class<?>> TYPES = List.of(
            ChargingPointService.class,
            DriverService.class,
            MonitorLinks.class,
            MonitorReports.class,
            OperatorQueries.class,
            OperatorService.class,
            PanelFeed.class,
            RetryOnConflictInterceptor.class,
            RunningSessions.class,
            SessionService.class,
            SessionStore.class,
            SystemStatistics.class);

    private CoreBeans() {
    }
}
