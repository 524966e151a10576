package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.api.model.SessionState;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.MeterReading;
import org.evcharging.central.domain.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way a supply ends gives its driver exactly one ticket that says how, and frees or keeps the CP rightly. */
class SessionEndingsTest {

    private static final CpId CP = CpId.of("cp_001");

    private final CoreFixture central = new CoreFixture();

    @ParameterizedTest
    @EnumSource(value = SessionEnding.class, names = {"UNPLUGGED", "MAX_DURATION", "CENTRAL_LOST", "MONITOR_LOST"})
    void theCpsOwnReasonNamesTheTicket(SessionEnding ending) {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03));

        central.sessions.completion(session.id(), MeterReading.of(0.2, 0.06), Optional.of(ending));

        assertThat(central.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.endedBy()).isEqualTo(ending.wire());
            assertThat(ticket.sessionId()).isEqualTo(session.id());
            assertThat(ticket.driverId()).isEqualTo("driver_1");
            assertThat(ticket.cpId()).isEqualTo("cp_001");
            assertThat(ticket.totalCost()).isEqualTo(0.06);
            assertThat(ticket.startTime()).isEqualTo("2026-11-30T10:00:00Z");
            assertThat(ticket.endTime()).isEqualTo("2026-11-30T10:00:00Z");
        });
        assertThat(central.session(session.id()).state()).isEqualTo(SessionState.COMPLETED);
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void aFirstImplementationEngineThatGivesNoReasonEndsByUnplug() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");

        central.sessions.completion(session.id(), MeterReading.of(0.2, 0.06), Optional.empty());

        assertThat(central.tickets()).singleElement().satisfies(ticket -> assertThat(ticket.endedBy()).isEqualTo("unplugged"));
    }

    @Test
    void theTicketsTimesAreTheStartOfSupplyAndTheEnd() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.advanceSeconds(5);
        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03));
        central.readings.flush();
        central.advanceSeconds(60);

        central.sessions.completion(session.id(), MeterReading.of(0.2, 0.06), Optional.empty());

        assertThat(central.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.startTime()).isEqualTo("2026-11-30T10:00:05Z");
            assertThat(ticket.endTime()).isEqualTo("2026-11-30T10:01:05Z");
        });
    }

    @Test
    void aFaultBeforeAnyEnergyFailsTheSessionAndTellsTheDriver() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");

        central.reports.fault(monitor, CP, "KO");

        assertThat(central.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.endedBy()).isEqualTo("engine_fault");
            assertThat(ticket.energyConsumedKwh()).isZero();
        });
        assertThat(central.session(session.id()).state()).isEqualTo(SessionState.FAILED);
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.FAULTY);

        central.reports.recovery(monitor, CP);
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void aFaultOnAnIdleCpEndsNothing() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");

        assertThat(central.reports.fault(monitor, CP, "KO").state()).isEqualTo(ChargingPointState.FAULTY);

        assertThat(central.tickets()).isEmpty();
    }

    @Test
    void theDriversStopNeverConfirmedEndsAfterTheGraceAsTheDriversStop() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(0.3, 0.09));
        central.driverService.stop(session.id(), "driver_1");

        central.advanceSeconds(11);
        central.sessions.closeOverdue();

        assertThat(central.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.endedBy()).isEqualTo("driver_stop");
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.3);
        });
        assertThat(central.session(session.id()).state()).isEqualTo(SessionState.COMPLETED);
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void aMonitorLostBeforeAnySupplyFailsTheSessionAfterTheGrace() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.reports.linkLost(monitor, "socket lost");

        central.advanceSeconds(299);
        central.sessions.closeOverdue();
        assertThat(central.tickets()).isEmpty();
        central.advanceSeconds(2);
        central.sessions.closeOverdue();

        assertThat(central.tickets()).singleElement().satisfies(ticket -> assertThat(ticket.endedBy()).isEqualTo("monitor_lost"));
        assertThat(central.session(session.id()).state()).isEqualTo(SessionState.FAILED);
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.DISCONNECTED);
        central.connect(new FakeMonitorChannel("10.0.0.2:50001"), "cp_001");
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void aSessionWhoseCpNeverReportsAfterACentralRestartEndsAsCentralLostWithWhatWasSaved() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(0.2, 0.06));
        central.readings.flush();
        central.sessions.reading(session.id(), MeterReading.of(0.3, 0.09)); // lost with Central's memory

        CoreFixture restarted = central.restarted();
        assertThat(restarted.adopted.resumeAfterRestart()).isEqualTo(1);
        assertThat(restarted.adopted.resumeAfterRestart()).isEqualTo(1);
        assertThat(restarted.running.size()).isEqualTo(1);

        restarted.advanceSeconds(180);
        restarted.sessions.closeOverdue();
        assertThat(restarted.tickets()).isEmpty();
        restarted.advanceSeconds(1);
        restarted.sessions.closeOverdue();

        assertThat(restarted.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.endedBy()).isEqualTo("central_lost");
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.2);
        });
        assertThat(restarted.session(session.id()).state()).isEqualTo(SessionState.COMPLETED);
        assertThat(restarted.cp("cp_001").state()).isEqualTo(ChargingPointState.DISCONNECTED);
        restarted.connect(new FakeMonitorChannel("10.0.0.2:50001"), "cp_001");
        assertThat(restarted.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void aCompletionArrivingBeforeCentralFollowsTheSessionAgainStillGivesTheOneTicket() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        CoreFixture restarted = central.restarted();

        restarted.sessions.completion(session.id(), MeterReading.of(0.4, 0.12), Optional.empty());
        restarted.sessions.completion(session.id(), MeterReading.of(0.4, 0.12), Optional.empty());

        assertThat(restarted.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.endedBy()).isEqualTo("unplugged");
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.4);
        });
        assertThat(restarted.session(session.id()).state()).isEqualTo(SessionState.COMPLETED);
    }

    @Test
    void lateReadingsOfAnEndedSessionChangeNothingAndUnknownSessionsAreRefused() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.completion(session.id(), MeterReading.of(0.2, 0.06), Optional.empty());
        int toDrivers = central.toDrivers.size();

        central.sessions.reading(session.id(), MeterReading.of(0.5, 0.15));
        central.readings.flush();

        assertThat(central.toDrivers).hasSize(toDrivers);
        assertThat(central.session(session.id()).energyKwh()).isEqualByComparingTo("0.2");
        assertThatThrownBy(() -> central.sessions.reading("nope", MeterReading.of(0.1, 0.03)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> central.sessions.completion("nope", MeterReading.of(0.1, 0.03), Optional.empty()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDriverSeesEachNewReadingOnceWithTheCpAndTheFigures() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");

        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03));
        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03));

        assertThat(central.toDrivers).filteredOn(ChargingStatusUpdate.class::isInstance)
                .map(ChargingStatusUpdate.class::cast).singleElement().satisfies(update -> {
                    assertThat(update.driverId()).isEqualTo("driver_1");
                    assertThat(update.cpId()).isEqualTo("cp_001");
                    assertThat(update.energyConsumedKwh()).isEqualTo(0.1);
                    assertThat(update.totalCost()).isEqualTo(0.03);
                });
    }

    @Test
    void aSessionWithinItsDeadlinesIsLeftRunning() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");

        central.advanceSeconds(60);
        central.sessions.closeOverdue();

        assertThat(central.tickets()).isEmpty();
        assertThat(central.session(session.id()).isRunning()).isTrue();
    }

    @Test
    void aSupplyThatOutlivesTheRestartGraceWithItsMonitorBackGoesOn() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03));
        central.readings.flush();

        CoreFixture restarted = central.restarted();
        restarted.adopted.resumeAfterRestart();
        restarted.connect(new FakeMonitorChannel("10.0.0.2:50001"), "cp_001");
        for (int i = 2; i <= 4; i++) {
            restarted.advanceSeconds(60);
            restarted.sessions.reading(session.id(), MeterReading.of(0.1 * i, 0.03 * i));
        }
        restarted.advanceSeconds(1);
        restarted.sessions.closeOverdue();

        // Today: a central_lost ticket for 0.4 kWh, and the CP ACTIVE for another driver while it still supplies.
        assertThat(restarted.tickets()).isEmpty();
        assertThat(restarted.cp("cp_001").state()).isEqualTo(ChargingPointState.CHARGING);
    }

    @Test
    void aDriversStopAfterACentralRestartIsNamedOnTheTicket() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03));

        CoreFixture restarted = central.restarted();
        restarted.adopted.resumeAfterRestart();
        restarted.connect(new FakeMonitorChannel("10.0.0.2:50001"), "cp_001");
        restarted.driverService.stop(session.id(), "driver_1");
        restarted.sessions.completion(session.id(), MeterReading.of(0.2, 0.06), Optional.of(SessionEnding.UNPLUGGED));

        assertThat(restarted.tickets()).singleElement()
                .satisfies(ticket -> assertThat(ticket.endedBy()).isEqualTo("driver_stop"));
    }
}
