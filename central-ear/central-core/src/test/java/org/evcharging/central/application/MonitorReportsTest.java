package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;

import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.application.MonitorReports.Heartbeat;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.chargingpoint.Registration;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** What a Monitor tells Central, and which connection may say it. */
class MonitorReportsTest {

    private static final CpId CP = CpId.of("cp_001");

    private final CoreFixture central = new CoreFixture();
    private final FakeMonitorChannel monitor = new FakeMonitorChannel("10.0.0.2:40001");

    private boolean register(FakeMonitorChannel channel, Integer heartbeatSeconds) {
        return central.reports.register(channel, CP, "Street 1", 0.30, heartbeatSeconds, "reg-1");
    }

    @Test
    void anUnknownCpWaitsAsPendingAndTheOperatorsApprovalReachesItsConnection() {
        assertThat(central.reports.authenticate(monitor, CP, "auth-1")).isFalse();
        assertThat(central.cp("cp_001").registration()).isEqualTo(Registration.PENDING);
        assertThat(central.reports.heartbeat(monitor, CP, null)).isEqualTo(Heartbeat.WAITING_FOR_AUTHORIZATION);

        central.operator.authorize(CP);

        assertThat(monitor.sentOf(AuthResponse.class)).singleElement().satisfies(response -> {
            assertThat(response.messageId()).isEqualTo("auth-1");
            assertThat(response.cpId()).isEqualTo("cp_001");
            assertThat(response.message()).contains("authorized");
        });
        assertThat(central.reports.heartbeat(monitor, CP, null)).isEqualTo(Heartbeat.ALIVE);
        assertThat(register(monitor, 5)).isTrue();
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void theApprovalReachesTheNewestConnectionOfAMonitorThatReconnected() {
        central.reports.authenticate(monitor, CP, "auth-1");
        FakeMonitorChannel again = new FakeMonitorChannel("10.0.0.2:40002");
        central.reports.authenticate(again, CP, "auth-2");

        central.operator.authorize(CP);

        assertThat(monitor.isOpen()).isFalse();
        assertThat(monitor.sentOf(AuthResponse.class)).isEmpty();
        assertThat(again.sentOf(AuthResponse.class)).singleElement()
                .satisfies(response -> assertThat(response.messageId()).isEqualTo("auth-2"));
    }

    @Test
    void aKnownCpAuthenticatesAndRegistersWithOneLookUpOfItsRecordEach() {
        central.activeCp("cp_001");
        FakeMonitorChannel again = new FakeMonitorChannel("10.0.0.2:40002");
        int before = central.chargingPointRepository.reads();

        central.reports.authenticate(again, CP, central.credentials.get("cp_001"), "auth-2");
        assertThat(central.chargingPointRepository.reads() - before).isEqualTo(1);
        register(again, 5);

        // Thousands of Monitors register at once after a restart or a fail-over: each look-up is a database round trip.
        assertThat(central.chargingPointRepository.reads() - before).isEqualTo(2);
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void anAuthorizedCpAuthenticatesWithoutWaiting() {
        central.activeCp("cp_001");
        FakeMonitorChannel again = new FakeMonitorChannel("10.0.0.2:40002");

        assertThat(central.reports.authenticate(again, CP, central.credentials.get("cp_001"), "auth-2")).isTrue();
        assertThat(central.reports.heartbeat(again, CP, null)).isEqualTo(Heartbeat.ALIVE);
    }

    @Test
    void aPendingCpIsRefusedRegistrationAndItsConnectionGetsTheApprovalLater() {
        assertThatThrownBy(() -> register(monitor, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not yet authorized");
        assertThat(central.cp("cp_001").registration()).isEqualTo(Registration.PENDING);
        assertThat(central.reports.heartbeat(monitor, CP, null)).isEqualTo(Heartbeat.WAITING_FOR_AUTHORIZATION);

        central.operator.authorize(CP);

        assertThat(monitor.sentOf(AuthResponse.class)).singleElement()
                .satisfies(response -> assertThat(response.messageId()).isEqualTo("reg-1"));
    }

    @Test
    void aRegistrationWithABadPriceOrIntervalIsRefusedBeforeAnythingChanges() {
        central.settings.autoAuthorize = true;

        assertThatThrownBy(() -> central.reports.register(monitor, CP, "Street 1", null, 5, "r"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("price_per_kwh");
        assertThatThrownBy(() -> central.reports.register(monitor, CP, "Street 1", Double.NaN, 5, "r"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> central.reports.register(monitor, CP, "Street 1", Double.POSITIVE_INFINITY, 5, "r"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> central.reports.register(monitor, CP, "Street 1", -1.0, 5, "r"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> central.reports.register(monitor, CP, "Street 1", 0.30, 0, "r"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("heartbeat_interval");

        assertThat(central.links.find(CP)).isEmpty();
    }

    @Test
    void theAnnouncedHeartbeatIntervalIsKeptElseTheDesignsDefault() {
        central.settings.autoAuthorize = true;
        register(monitor, null);
        assertThat(central.links.find(CP).orElseThrow().heartbeatSeconds()).isEqualTo(30);

        central.reports.heartbeat(monitor, CP, 5);
        assertThat(central.links.find(CP).orElseThrow().heartbeatSeconds()).isEqualTo(5);
        // Authenticating again on the same connection keeps what it announced.
        central.reports.authenticate(monitor, CP, "auth-2");
        assertThat(central.links.find(CP).orElseThrow().heartbeatSeconds()).isEqualTo(5);

        FakeMonitorChannel announcing = new FakeMonitorChannel("10.0.0.2:40002");
        register(announcing, 7);
        assertThat(central.links.find(CP).orElseThrow().heartbeatSeconds()).isEqualTo(7);
    }

    @Test
    void aHeartbeatIntervalOutOfRangeIsRefused() {
        FakeMonitorChannel linked = central.activeCp("cp_001");

        assertThatThrownBy(() -> central.reports.heartbeat(linked, CP, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> central.reports.heartbeat(linked, CP, MonitorReports.MAX_HEARTBEAT_SECONDS + 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 1 and 3600");
        assertThat(central.reports.heartbeat(linked, CP, MonitorReports.MAX_HEARTBEAT_SECONDS)).isEqualTo(Heartbeat.ALIVE);
        assertThat(central.reports.heartbeat(linked, CP, 1)).isEqualTo(Heartbeat.ALIVE);
    }

    @Test
    void aHeartbeatFromAnUnknownCpOrAForeignConnectionIsNotTaken() {
        FakeMonitorChannel other = central.activeCp("cp_002");
        central.activeCp("cp_001");

        assertThat(central.reports.heartbeat(monitor, CpId.of("cp_404"), null)).isEqualTo(Heartbeat.UNKNOWN_CP);
        assertThatThrownBy(() -> central.reports.heartbeat(monitor, CP, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("must authenticate or register");
        // cp_002's connection cannot keep cp_001 alive.
        assertThatThrownBy(() -> central.reports.heartbeat(other, CP, null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void theEnginesHealthCountsOnlyFromTheRegisteredConnection() {
        central.activeCp("cp_001");
        FakeMonitorChannel stranger = new FakeMonitorChannel("10.6.6.6:666");
        FakeMonitorChannel pending = new FakeMonitorChannel("10.0.0.9:40009");
        central.reports.authenticate(pending, CpId.of("cp_009"), "auth-9");

        assertThatThrownBy(() -> central.reports.status(stranger, CP, ChargingPointState.FAULTY))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not registered on this connection");
        assertThatThrownBy(() -> central.reports.fault(stranger, CP, "boom")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> central.reports.recovery(stranger, CP)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> central.reports.fault(pending, CpId.of("cp_009"), "boom"))
                .isInstanceOf(ConflictException.class);

        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void faultAndRecoveryReportsTurnTheCpFaultyAndBack() {
        FakeMonitorChannel linked = central.activeCp("cp_001");

        assertThat(central.reports.fault(linked, CP, "engine KO").state()).isEqualTo(ChargingPointState.FAULTY);
        assertThat(central.reports.recovery(linked, CP).state()).isEqualTo(ChargingPointState.ACTIVE);
        assertThat(central.reports.status(linked, CP, ChargingPointState.FAULTY).state()).isEqualTo(ChargingPointState.FAULTY);
        assertThat(central.reports.status(linked, CP, ChargingPointState.CHARGING).state()).isEqualTo(ChargingPointState.ACTIVE);
        central.reports.status(linked, CP, ChargingPointState.FAULTY);
        assertThat(central.reports.status(linked, CP, ChargingPointState.ACTIVE).state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void aMonitorCannotStopOrDisconnectItsCpByReportingIt() {
        FakeMonitorChannel linked = central.activeCp("cp_001");

        assertThat(central.reports.status(linked, CP, ChargingPointState.STOPPED).state()).isEqualTo(ChargingPointState.ACTIVE);
        assertThat(central.reports.status(linked, CP, ChargingPointState.DISCONNECTED).state())
                .isEqualTo(ChargingPointState.ACTIVE);
        assertThat(central.cp("cp_001").isOperatorStopped()).isFalse();
    }

    @Test
    void aStaleConnectionsLossDoesNotDisconnectItsSuccessor() {
        FakeMonitorChannel first = central.activeCp("cp_001");
        FakeMonitorChannel second = new FakeMonitorChannel("10.0.0.2:50001");
        central.connect(second, "cp_001");
        assertThat(first.isOpen()).isFalse();

        central.reports.linkLost(first, "socket closed late");
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
        assertThat(central.reports.heartbeat(second, CP, null)).isEqualTo(Heartbeat.ALIVE);

        central.reports.linkLost(second, "socket closed");
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.DISCONNECTED);
        assertThat(central.links.find(CP)).isEmpty();
    }

    @Test
    void aConnectionThatNeverSaidWhoItIsChangesNothingWhenLost() {
        central.activeCp("cp_001");

        central.reports.linkLost(monitor, "closed before auth");

        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
        assertThat(central.links.size()).isEqualTo(1);
    }

    @Test
    void anyMessageFromTheLinkedMonitorKeepsItAlive() {
        central.settings.autoAuthorize = true;
        register(monitor, 5);
        FakeMonitorChannel stranger = new FakeMonitorChannel("10.6.6.6:666");

        central.advanceSeconds(14);
        central.reports.signOfLife(monitor);
        central.reports.signOfLife(stranger);
        central.advanceSeconds(14);

        assertThat(central.links.closeSilent(central.nanos.get(), central.settings.missedHeartbeats)).isEmpty();
        assertThat(monitor.isOpen()).isTrue();
    }

    @Test
    void onlyLinksSilentForTheirOwnMissedIntervalsAreClosed() {
        central.settings.autoAuthorize = true;
        register(monitor, 5);
        FakeMonitorChannel slow = new FakeMonitorChannel("10.0.0.3:40003");
        central.reports.register(slow, CpId.of("cp_002"), "Street 2", 0.30, null, "reg-2");

        central.advanceSeconds(15);
        assertThat(central.links.closeSilent(central.nanos.get(), 3)).isEmpty();

        central.advanceSeconds(1);
        assertThat(central.links.closeSilent(central.nanos.get(), 3)).singleElement()
                .satisfies(link -> assertThat(link.cpId()).isEqualTo(CP));
        assertThat(monitor.isOpen()).isFalse();
        assertThat(slow.isOpen()).isTrue();

        // The closed socket is then lost like any other: the CP shows DISCONNECTED.
        central.reports.linkLost(monitor, "heartbeats missed");
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.DISCONNECTED);
        assertThat(central.cp("cp_002").state()).isEqualTo(ChargingPointState.ACTIVE);

        central.advanceSeconds(90 - 16); // the design's 30 s interval, three times
        assertThat(central.links.closeSilent(central.nanos.get(), 3)).isEmpty();
        central.advanceSeconds(1);
        assertThat(central.links.closeSilent(central.nanos.get(), 3)).hasSize(1);
        assertThat(slow.isOpen()).isFalse();
    }

    @Test
    void nothingIsSentToACpWithoutALiveMonitor() {
        assertThat(central.links.tell(CP, cp -> cp.admitted("x"))).isFalse();
        central.activeCp("cp_001");
        assertThat(central.links.tell(CP, cp -> cp.admitted("x"))).isTrue();
    }

    @Test
    void aFaultReportedWhileAChargeIsBeingAcceptedDoesNotBreakTheRecovery() {
        FakeMonitorChannel linked = central.activeCp("cp_001");
        AtomicBoolean once = new AtomicBoolean();
        // The Monitor's fault report lands between SessionStore.open (CP booked) and RunningSessions.add.
        central.store.changes = new RecordingEvent<>(change -> {
            central.feed.changed(change);
            if (change.state() == ChargingPointState.CHARGING && once.compareAndSet(false, true)) {
                central.reports.fault(linked, CP, "KO");
            }
        });
        central.charge("cp_001", "driver_1");
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.FAULTY);

        assertThatCode(() -> central.reports.recovery(linked, CP)).doesNotThrowAnyException();
    }
}
