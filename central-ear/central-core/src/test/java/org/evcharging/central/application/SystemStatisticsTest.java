package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.central.application.SystemStatistics.Snapshot;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.MeterReading;
import org.junit.jupiter.api.Test;

/** The admin menu's system statistics: CPs by state, what runs now, and the totals so far. */
class SystemStatisticsTest {

    private final CoreFixture central = new CoreFixture();

    @Test
    void anEmptyNetworkCountsZeroEverywhere() {
        Snapshot snapshot = central.statistics.snapshot();

        assertThat(snapshot.chargingPoints()).isZero();
        assertThat(snapshot.chargingPointsByState()).containsOnlyKeys(ChargingPointState.values())
                .allSatisfy((state, count) -> assertThat(count).isZero());
        assertThat(snapshot.sessionsTotal()).isZero();
        assertThat(snapshot.energyDeliveredKwh()).isEqualByComparingTo("0").hasScaleOf(3);
        assertThat(snapshot.revenueEur()).isEqualByComparingTo("0").hasScaleOf(2);
        assertThat(Instant.parse(snapshot.startedAt())).isNotNull();
    }

    @Test
    void countsCpsByStateAndWhatRunsNowAndTotalsEverySession() {
        // Yesterday's session counts in the totals, not in today's.
        central.activeCp("cp_001");
        central.millis.addAndGet(-TimeUnit.DAYS.toMillis(1));
        unplugged(central.charge("cp_001", "driver_1"), 0.5, 0.15);
        central.millis.addAndGet(TimeUnit.DAYS.toMillis(1));
        unplugged(central.charge("cp_001", "driver_2"), 0.3, 0.09);
        ChargingSession running = central.charge("cp_001", "driver_3");
        central.sessions.reading(running.id(), MeterReading.of(0.1, 0.03));
        central.readings.flush();

        central.activeCp("cp_002");
        central.operator.stop(CpId.of("cp_002"));
        FakeMonitorChannel faulty = central.activeCp("cp_003");
        central.reports.fault(faulty, CpId.of("cp_003"), "KO");
        FakeMonitorChannel gone = central.activeCp("cp_004");
        central.reports.linkLost(gone, "socket lost");
        central.reports.authenticate(new FakeMonitorChannel("10.0.0.9:1"), CpId.of("cp_005"), "auth-5");

        Snapshot snapshot = central.statistics.snapshot();

        assertThat(snapshot.chargingPoints()).isEqualTo(5);
        assertThat(snapshot.chargingPointsByState()).containsEntry(ChargingPointState.ACTIVE, 0L)
                .containsEntry(ChargingPointState.CHARGING, 1L).containsEntry(ChargingPointState.STOPPED, 1L)
                .containsEntry(ChargingPointState.FAULTY, 1L).containsEntry(ChargingPointState.DISCONNECTED, 2L);
        assertThat(snapshot.pendingAuthorizations()).isEqualTo(1);
        assertThat(snapshot.connectedMonitors()).isEqualTo(4);
        assertThat(snapshot.sessionsRunning()).isEqualTo(1);
        assertThat(snapshot.connectedDrivers()).isEqualTo(1);
        assertThat(snapshot.sessionsTotal()).isEqualTo(3);
        assertThat(snapshot.sessionsToday()).isEqualTo(2);
        assertThat(snapshot.energyDeliveredKwh()).isEqualByComparingTo("0.9").hasScaleOf(3);
        assertThat(snapshot.revenueEur()).isEqualByComparingTo("0.27").hasScaleOf(2);
    }

    private void unplugged(ChargingSession session, double kwh, double eur) {
        central.sessions.completion(session.id(), MeterReading.of(kwh, eur), Optional.of(SessionEnding.UNPLUGGED));
    }
}
