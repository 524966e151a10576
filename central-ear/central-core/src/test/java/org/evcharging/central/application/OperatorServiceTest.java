package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.ResumeCpCommand;
import org.evcharging.api.message.monitor.StopChargingSessionCommand;
import org.evcharging.api.message.monitor.StopCpCommand;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.api.model.SessionState;
import org.evcharging.central.application.OperatorService.BulkResult;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.chargingpoint.Registration;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.MeterReading;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.NotFoundException;
import org.junit.jupiter.api.Test;

/** The operator's commands on one CP or on all, as the CP, its Monitor and its driver see them. */
class OperatorServiceTest {

    private static final CpId CP = CpId.of("cp_001");

    private final CoreFixture central = new CoreFixture();

    @Test
    void stoppingACpEndsItsSupplyAndTheTicketSaysTheOperatorStoppedIt() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03));

        assertThat(central.operator.stop(CP).state()).isEqualTo(ChargingPointState.STOPPED);

        assertThat(monitor.sentOf(StopChargingSessionCommand.class)).singleElement()
                .satisfies(stop -> assertThat(stop.sessionId()).isEqualTo(session.id()));
        assertThat(monitor.sentOf(StopCpCommand.class)).singleElement()
                .satisfies(stop -> assertThat(stop.cpId()).isEqualTo("cp_001"));
        // The Engine reports an unplug: Central knows the operator stopped it.
        central.sessions.completion(session.id(), MeterReading.of(0.12, 0.04), Optional.of(SessionEnding.UNPLUGGED));
        assertThat(central.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.endedBy()).isEqualTo("operator_stop");
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.12);
        });
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.STOPPED);
        assertThatThrownBy(() -> central.charge("cp_001", "driver_2"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("STOPPED");
    }

    @Test
    void aStopTheCpNeverConfirmsEndsTheSessionAfterTheGrace() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");

        central.operator.stop(CP);
        central.advanceSeconds(10);
        central.sessions.closeOverdue();
        assertThat(central.tickets()).isEmpty();
        central.advanceSeconds(1);
        central.sessions.closeOverdue();

        assertThat(central.tickets()).singleElement()
                .satisfies(ticket -> assertThat(ticket.endedBy()).isEqualTo("operator_stop"));
        assertThat(central.session(session.id()).state()).isEqualTo(SessionState.CANCELLED);
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.STOPPED);
    }

    @Test
    void aCpStoppedWhileItsMonitorIsAwayEndsItsSupplyAtOnceAndReturnsStopped() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(0.2, 0.06));
        central.reports.linkLost(monitor, "socket lost");

        assertThat(central.operator.stop(CP).state()).isEqualTo(ChargingPointState.DISCONNECTED);

        assertThat(central.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.endedBy()).isEqualTo("operator_stop");
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.2);
        });
        central.connect(new FakeMonitorChannel("10.0.0.2:50001"), "cp_001");
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.STOPPED);
    }

    @Test
    void resumingPutsTheCpBackInServiceAndTellsItsMonitor() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        central.operator.stop(CP);

        assertThat(central.operator.resume(CP).state()).isEqualTo(ChargingPointState.ACTIVE);

        assertThat(monitor.sentOf(ResumeCpCommand.class)).singleElement()
                .satisfies(resume -> assertThat(resume.cpId()).isEqualTo("cp_001"));
        assertThat(central.charge("cp_001", "driver_1").state()).isEqualTo(SessionState.AUTHORIZED);
    }

    @Test
    void stoppingTwiceResumingARunningCpOrAnUnknownOneIsRefused() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");

        assertThatThrownBy(() -> central.operator.resume(CP))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cannot resume");
        central.operator.stop(CP);
        assertThatThrownBy(() -> central.operator.stop(CP))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already stopped");
        assertThatThrownBy(() -> central.operator.stop(CpId.of("cp_404"))).isInstanceOf(NotFoundException.class);

        assertThat(monitor.sentOf(StopCpCommand.class)).hasSize(1);
        assertThat(monitor.sentOf(ResumeCpCommand.class)).isEmpty();
    }

    @Test
    void authorizingAnUnknownOrAnAuthorizedCpIsRefused() {
        central.activeCp("cp_001");

        assertThatThrownBy(() -> central.operator.authorize(CP))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already authorized");
        assertThatThrownBy(() -> central.operator.authorize(CpId.of("cp_404"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void authorizingACpWhoseMonitorIsNotWaitingSendsNothing() {
        FakeMonitorChannel monitor = new FakeMonitorChannel("10.0.0.2:40001");
        central.reports.authenticate(monitor, CP, "auth-1");
        central.reports.linkLost(monitor, "gave up");

        assertThat(central.operator.authorize(CP).chargingPoint().registration()).isEqualTo(Registration.AUTHORIZED);
        assertThat(monitor.sent).isEmpty();
    }

    @Test
    void authorizeAllLetsEveryPendingCpInAndTellsTheWaitingMonitors() {
        central.activeCp("cp_001");
        FakeMonitorChannel second = new FakeMonitorChannel("10.0.0.2:40002");
        FakeMonitorChannel third = new FakeMonitorChannel("10.0.0.2:40003");
        central.reports.authenticate(second, CpId.of("cp_002"), "auth-2");
        central.reports.authenticate(third, CpId.of("cp_003"), "auth-3");

        BulkResult result = central.operator.authorizeAll();

        assertThat(result.done()).containsExactly("cp_002", "cp_003");
        assertThat(result.refused()).isEmpty();
        assertThat(second.sentOf(AuthResponse.class)).hasSize(1);
        assertThat(third.sentOf(AuthResponse.class)).hasSize(1);
        assertThat(central.chargingPoints.pending()).isEmpty();
        assertThat(central.operator.authorizeAll().done()).isEmpty();
    }

    @Test
    void stopAllStopsEveryAuthorizedCpNotStoppedYetAndResumeAllBringsThemBack() {
        FakeMonitorChannel first = central.activeCp("cp_001");
        central.activeCp("cp_002");
        central.activeCp("cp_003");
        central.operator.stop(CpId.of("cp_003"));
        central.reports.authenticate(new FakeMonitorChannel("10.0.0.2:40009"), CpId.of("cp_009"), "auth-9");

        BulkResult stopped = central.operator.stopAll();

        assertThat(stopped.done()).containsExactly("cp_001", "cp_002");
        assertThat(stopped.refused()).isEmpty();
        assertThat(first.sentOf(StopCpCommand.class)).hasSize(1);
        assertThat(central.cp("cp_009").isOperatorStopped()).isFalse();
        assertThat(central.chargingPoints.countByState().get(ChargingPointState.STOPPED)).isEqualTo(3L);

        BulkResult resumed = central.operator.resumeAll();

        assertThat(resumed.done()).containsExactly("cp_001", "cp_002", "cp_003");
        assertThat(central.chargingPoints.countByState().get(ChargingPointState.ACTIVE)).isEqualTo(3L);
        assertThat(first.sentOf(ResumeCpCommand.class)).hasSize(1);
    }

    @Test
    void aBulkCommandReportsTheCpsThatRefusedItAndGoesOnWithTheOthers() {
        central.activeCp("cp_001");
        central.activeCp("cp_002");
        // Another operator stops cp_001 between the listing of the CPs and the command.
        ChargingPointService racing = new ChargingPointService() {
            @Override
            public List<ChargingPoint> stoppable() {
                List<ChargingPoint> listed = super.stoppable();
                central.chargingPoints.stop(CP);
                return listed;
            }
        };
        racing.repository = central.chargingPointRepository;
        racing.settings = central.settings;
        racing.changes = central.changes;
        racing.clock = central.clock;
        central.operator.chargingPoints = racing;

        BulkResult result = central.operator.stopAll();

        assertThat(result.done()).containsExactly("cp_002");
        assertThat(result.refused()).singleElement().satisfies(refusal -> {
            assertThat(refusal.cpId()).isEqualTo("cp_001");
            assertThat(refusal.reason()).contains("already stopped");
        });
        assertThat(central.cp("cp_002").state()).isEqualTo(ChargingPointState.STOPPED);
    }
}
