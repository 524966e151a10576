package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.monitor.StopChargingSessionCommand;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.api.model.SessionState;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.MeterReading;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.NotFoundException;
import org.junit.jupiter.api.Test;

/** What a driver asks Central: a charge (not a stale one), a stop, the CPs free now, their history. */
class DriverServiceTest {

    private static final CpId CP = CpId.of("cp_001");

    private final CoreFixture central = new CoreFixture();

    private long now() {
        return central.clock.instant().getEpochSecond();
    }

    @Test
    void aRequestJustAsOldAsAllowedIsStillServed() {
        central.activeCp("cp_001");

        ChargingSession session = central.driverService.requestCharge(CP, "driver_1", "req-1", now() - 300);

        assertThat(session.state()).isEqualTo(SessionState.AUTHORIZED);
    }

    @Test
    void aRequestOneSecondTooOldIsRefusedAndTheCpStaysFree() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");

        assertThatThrownBy(() -> central.driverService.requestCharge(CP, "driver_1", "req-1", now() - 301))
                .isInstanceOf(ConflictException.class).hasMessageContaining("sent 301 s ago");

        assertThat(monitor.sentOf(StartChargingCommand.class)).isEmpty();
        assertThat(central.driverService.availableChargingPoints()).extracting(cp -> cp.id().value()).containsExactly("cp_001");
    }

    @Test
    void aRequestWithoutASendingTimeOrFromAClockAheadIsServed() {
        central.activeCp("cp_001");
        central.activeCp("cp_002");

        assertThat(central.driverService.requestCharge(CP, "driver_1", "req-1", null)).isNotNull();
        assertThat(central.driverService.requestCharge(CpId.of("cp_002"), "driver_2", "req-2", now() + 30)).isNotNull();
    }

    @Test
    void theMaximumAgeIsASetting() {
        central.activeCp("cp_001");
        central.settings.requestMaxAge = java.time.Duration.ofSeconds(10);

        assertThatThrownBy(() -> central.driverService.requestCharge(CP, "driver_1", "req-1", now() - 11))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Request expired");
    }

    @Test
    void onlyAuthorizedConnectedActiveCpsAreOfferedToDrivers() {
        central.activeCp("cp_active");
        central.activeCp("cp_charging");
        central.charge("cp_charging", "driver_1");
        central.activeCp("cp_stopped");
        central.operator.stop(CpId.of("cp_stopped"));
        FakeMonitorChannel faulty = central.activeCp("cp_faulty");
        central.reports.fault(faulty, CpId.of("cp_faulty"), "KO");
        FakeMonitorChannel gone = central.activeCp("cp_gone");
        central.reports.linkLost(gone, "socket lost");
        central.reports.authenticate(new FakeMonitorChannel("10.0.0.9:1"), CpId.of("cp_pending"), "auth-p");

        List<ChargingPoint> available = central.driverService.availableChargingPoints();

        assertThat(available).extracting(cp -> cp.id().value()).containsExactly("cp_active");
        assertThat(central.chargingPoints.all()).hasSize(6);
    }

    @Test
    void theDriverStopsTheirChargeAndTheCpIsAsked() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");

        assertThat(central.driverService.stop(session.id(), "driver_1").id()).isEqualTo(session.id());

        assertThat(monitor.sentOf(StopChargingSessionCommand.class)).singleElement()
                .satisfies(stop -> assertThat(stop.driverId()).isEqualTo("driver_1"));
        assertThatThrownBy(() -> central.driverService.stop("no-such-session", "driver_1"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStopThatCannotReachTheCpEndsTheChargeAtOnceCancelledWhenNothingFlowed() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        monitor.close();

        central.driverService.stop(session.id(), "driver_1");

        assertThat(central.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.endedBy()).isEqualTo("driver_stop");
            assertThat(ticket.energyConsumedKwh()).isZero();
        });
        assertThat(central.session(session.id()).state()).isEqualTo(SessionState.CANCELLED);
    }

    @Test
    void theHistoryListsEndedSessionsNewestFirstAndNotTheRunningOne() {
        central.activeCp("cp_001");
        String first = chargeAndUnplug("driver_1");
        central.advanceSeconds(60);
        String second = chargeAndUnplug("driver_1");
        central.advanceSeconds(60);
        chargeAndUnplug("driver_2");
        central.advanceSeconds(60);
        ChargingSession running = central.charge("cp_001", "driver_1");

        List<ChargingSession> history = central.driverService.history("driver_1", null);

        assertThat(history).extracting(ChargingSession::id).containsExactly(second, first).doesNotContain(running.id());
        assertThat(history).allSatisfy(s -> assertThat(s.state()).isEqualTo(SessionState.COMPLETED));
    }

    @Test
    void theHistoryHonoursTheLimitAndFallsBackToTheDefault() {
        central.activeCp("cp_001");
        for (int i = 0; i < DriverService.DEFAULT_HISTORY + 2; i++) {
            chargeAndUnplug("driver_1");
            central.advanceSeconds(60);
        }

        assertThat(central.driverService.history("driver_1", 3)).hasSize(3);
        assertThat(central.driverService.history("driver_1", null)).hasSize(DriverService.DEFAULT_HISTORY);
        assertThat(central.driverService.history("driver_1", 0)).hasSize(DriverService.DEFAULT_HISTORY);
        assertThat(central.driverService.history("driver_1", -1)).hasSize(DriverService.DEFAULT_HISTORY);
        assertThat(central.driverService.history("driver_1", 1000)).hasSize(DriverService.DEFAULT_HISTORY + 2);
        assertThat(central.driverService.history("driver_9", null)).isEmpty();
    }

    private String chargeAndUnplug(String driver) {
        ChargingSession session = central.charge("cp_001", driver);
        central.sessions.completion(session.id(), MeterReading.of(0.5, 0.15), Optional.of(SessionEnding.UNPLUGGED));
        return session.id();
    }

    @Test
    void theHistoryLimitCountsEndedSessionsOnly() {
        central.activeCp("cp_001");
        for (int i = 0; i < 3; i++) {
            chargeAndUnplug("driver_1");
            central.advanceSeconds(60);
        }
        central.charge("cp_001", "driver_1");

        assertThat(central.driverService.history("driver_1", 3)).hasSize(3);
    }
}
