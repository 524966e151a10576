package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.Registration;

/**
 * The figures of the admin menu's "system statistics". Totals are aggregated by the database (one
 * query, whatever the number of sessions); what is happening now comes from memory.
 */
@ApplicationScoped
public class SystemStatistics {

    @PersistenceContext(unitName = "central")
    EntityManager em;

    @Inject
    ChargingPointService chargingPoints;

    @Inject
    RunningSessions running;

    @Inject
    MonitorLinks links;

    Clock clock = Clock.systemDefaultZone();

    public Snapshot snapshot() {
        Map<ChargingPointState, Long> byState = new EnumMap<>(ChargingPointState.class);
        for (ChargingPointState state : ChargingPointState.values()) {
            byState.put(state, 0L);
        }
        var all = chargingPoints.all();
        all.forEach(cp -> byState.merge(cp.state(), 1L, Long::sum));
        long pending = all.stream().map(ChargingPoint::registration).filter(Registration.PENDING::equals).count();

        long midnight = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
        Object[] totals = (Object[]) em.createQuery("SELECT COUNT(s), SUM(s.energyKwh), SUM(s.totalCost),"
                + " SUM(CASE WHEN s.requestedAtMillis >= :midnight THEN 1 ELSE 0 END) FROM ChargingSession s")
                .setParameter("midnight", midnight).getSingleResult();
        Set<String> drivers = running.all().stream().map(RunningSession::driverId).collect(Collectors.toSet());

        long startedAt = ManagementFactory.getRuntimeMXBean().getStartTime();
        return new Snapshot(all.size(), byState, pending, links.size(), running.size(),
                whole(totals[3]), whole(totals[0]), decimal(totals[1], 3), decimal(totals[2], 2), drivers.size(),
                Instant.ofEpochMilli(startedAt).toString(), (clock.millis() - startedAt) / 1000);
    }

    private static long whole(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** SQLite hands back sums as doubles; money and energy are reported with their usual scale. */
    private static BigDecimal decimal(Object value, int scale) {
        BigDecimal number = value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
        return number.setScale(scale, RoundingMode.HALF_UP);
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
