package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.domain.model.session.ChargingSessionRepository;
import org.evcharging.central.domain.model.session.LiveSession;
import org.evcharging.central.domain.model.session.SessionTotals;

/**
 * The figures of the admin menu's "system statistics". Totals are aggregated by the database (one
 * query, whatever the number of sessions); what is happening now comes from memory.
 */
@ApplicationScoped
public class SystemStatistics {

    @Inject
    ChargingPointService chargingPoints;

    @Inject
    ChargingSessionRepository sessions;

    @Inject
    RunningSessions running;

    @Inject
    MonitorLinks links;

    Clock clock = Clock.systemDefaultZone();

    @Transactional
    public Snapshot snapshot() {
        Map<ChargingPointState, Long> byState = chargingPoints.countByState();
        int count = byState.values().stream().mapToInt(Long::intValue).sum();
        long pending = chargingPoints.pending().size();
        long midnight = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
        SessionTotals totals = sessions.totals(midnight);
        Set<String> drivers = running.all().stream().map(LiveSession::driverId).collect(Collectors.toSet());

        long startedAt = ManagementFactory.getRuntimeMXBean().getStartTime();
        return new Snapshot(count, byState, pending, links.size(), running.size(), totals.sessionsSince(),
                totals.sessions(), totals.energyKwh().setScale(3, RoundingMode.HALF_UP),
                totals.revenue().setScale(2, RoundingMode.HALF_UP), drivers.size(),
                Instant.ofEpochMilli(startedAt).toString(), (clock.millis() - startedAt) / 1000);
    }

    /**
     * @param energyDeliveredKwh energy of every session so far, running ones up to their last saved reading
     * @param connectedDrivers drivers with a session running now
     */
    public record Snapshot(int chargingPoints, Map<ChargingPointState, Long> chargingPointsByState,
                           long pendingAuthorizations, int connectedMonitors, int sessionsRunning, long sessionsToday,
                           long sessionsTotal, BigDecimal energyDeliveredKwh, BigDecimal revenueEur,
                           int connectedDrivers, String startedAt, long uptimeSeconds) {
    }
}
