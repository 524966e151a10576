package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.application.PanelNotice.Kind;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.junit.jupiter.api.Test;

/** The operator panel's live feed: a line for every request and every change of a CP's state or registration. */
class PanelFeedTest {

    private static final CpId CP = CpId.of("cp_001");

    private final CoreFixture central = new CoreFixture();

    private List<String> texts() {
        return central.feed.recent().stream().map(PanelNotice::text).toList();
    }

    @Test
    void aNewcomerWaitingAndItsAuthorizationAppearInTheFeed() {
        central.reports.authenticate(new FakeMonitorChannel("10.0.0.2:1"), CP, "auth-1");
        central.operator.authorize(CP);

        // Newest first.
        assertThat(texts()).containsExactly("Operator authorized CP cp_001", "CP cp_001 is DISCONNECTED",
                "CP cp_001 waits for authorization");
        assertThat(central.feed.recent().get(0).kind()).isEqualTo(Kind.OPERATOR);
        assertThat(central.feed.recent().get(2).kind()).isEqualTo(Kind.STATE);
    }

    @Test
    void aFaultAndTheRecoveryAreShownAsSuch() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");

        central.reports.fault(monitor, CP, "KO");
        PanelNotice fault = central.feed.recent().get(0);
        assertThat(fault.kind()).isEqualTo(Kind.FAULT);
        assertThat(fault.cpId()).isEqualTo("cp_001");
        assertThat(fault.text()).isEqualTo("CP cp_001 is FAULTY (was ACTIVE)");

        central.reports.recovery(monitor, CP);
        PanelNotice recovery = central.feed.recent().get(0);
        assertThat(recovery.kind()).isEqualTo(Kind.RECOVERY);
        assertThat(recovery.text()).isEqualTo("CP cp_001 is ACTIVE (was FAULTY)");
    }

    @Test
    void leavingFaultyOtherwiseThanToServiceIsAPlainStateChange() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        central.reports.fault(monitor, CP, "KO");

        central.operator.stop(CP);

        assertThat(central.feed.recent().get(0)).satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(Kind.STATE);
            assertThat(notice.text()).isEqualTo("CP cp_001 is STOPPED (was FAULTY)");
        });
    }

    @Test
    void aDriversRequestAndTheCpTurningChargingAppear() {
        central.activeCp("cp_001");

        central.charge("cp_001", "driver_1");

        assertThat(central.feed.recent()).extracting(PanelNotice::kind, PanelNotice::driverId, PanelNotice::text)
                .startsWith(org.assertj.core.groups.Tuple.tuple(Kind.STATE, null, "CP cp_001 is CHARGING (was ACTIVE)"),
                        org.assertj.core.groups.Tuple.tuple(Kind.REQUEST, "driver_1", "Driver driver_1 asks to charge at cp_001"));
    }

    @Test
    void aChangeThatLeavesStateAndRegistrationAsTheyWereAddsNoLine() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        int lines = central.feed.recent().size();

        central.reports.register(monitor, CP, "Elsewhere", 0.40, 5, "reg-2");
        central.reports.recovery(monitor, CP);

        assertThat(central.feed.recent()).hasSize(lines);
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void onlyTheMostRecentLinesAreKeptAndListenersSeeEveryLine() {
        central.settings.panelFeedSize = 3;
        List<PanelNotice> heard = new ArrayList<>();
        central.feed.subscribe(heard::add);

        for (int i = 1; i <= 5; i++) {
            central.notices.fire(PanelNotice.request("cp_00" + i, "driver_" + i));
        }

        assertThat(central.feed.recent()).extracting(PanelNotice::cpId).containsExactly("cp_005", "cp_004", "cp_003");
        assertThat(heard).extracting(PanelNotice::cpId).containsExactly("cp_001", "cp_002", "cp_003", "cp_004", "cp_005");
    }

    @Test
    void noticesSayWhatHappened() {
        assertThat(PanelNotice.fault("cp_001", "overheat")).satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Kind.FAULT);
            assertThat(n.text()).isEqualTo("CP cp_001 reports a fault: overheat");
        });
        assertThat(PanelNotice.fault("cp_001", null).text()).isEqualTo("CP cp_001 reports a fault");
        assertThat(PanelNotice.recovery("cp_001")).satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Kind.RECOVERY);
            assertThat(n.text()).isEqualTo("CP cp_001 recovered");
        });
        assertThat(PanelNotice.operator("stopped", "cp_001").text()).isEqualTo("Operator stopped CP cp_001");
        assertThat(PanelNotice.request("cp_001", "driver_1").atMillis()).isPositive();
    }
}
