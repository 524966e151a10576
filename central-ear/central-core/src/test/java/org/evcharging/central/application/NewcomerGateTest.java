package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.shared.ConflictException;
import org.junit.jupiter.api.Test;

/** Unknown ids cannot flood the pending list: a cap, and a per-source rate. */
class NewcomerGateTest {

    private final CoreFixture central = new CoreFixture();

    private void newcomer(String source, String id) {
        central.reports.authenticate(new FakeMonitorChannel(source + ":40000"), CpId.of(id), null, "a-" + id);
    }

    @Test
    void oneSourceMayAddOnlySoManyNewCpsAMinute() {
        central.settings.newcomersPerMinutePerSource = 3;
        for (int i = 0; i < 3; i++) {
            newcomer("10.1.1.1", "cp_f" + i);
        }

        assertThatThrownBy(() -> newcomer("10.1.1.1", "cp_f3")).isInstanceOf(ConflictException.class)
                .hasMessage("Too many new charging points from 10.1.1.1 (at most 3 a minute): try again later");
        assertThat(central.chargingPointRepository.find(CpId.of("cp_f3"))).isEmpty();
        assertThatCode(() -> newcomer("10.1.1.2", "cp_g0")).as("another source").doesNotThrowAnyException();
        central.advanceSeconds(61);
        assertThatCode(() -> newcomer("10.1.1.1", "cp_f4")).as("a minute later").doesNotThrowAnyException();
        assertThat(central.audit.refusals()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("monitor.auth");
            assertThat(entry.sourceIp()).isEqualTo("10.1.1.1");
        });
    }

    @Test
    void thePendingListHasACapButKnownCpsStillGetIn() {
        central.settings.maxPendingCps = 2;
        FakeMonitorChannel known = central.activeCp("cp_known");
        newcomer("10.1.1.1", "cp_p0");
        newcomer("10.1.1.2", "cp_p1");

        assertThatThrownBy(() -> newcomer("10.1.1.3", "cp_p2"))
                .hasMessageContaining("Too many charging points are waiting for authorization (2)");
        assertThatThrownBy(() -> central.reports.register(new FakeMonitorChannel("10.1.1.4:1"), CpId.of("cp_p3"),
                "x", 0.1, null, "r")).hasMessageContaining("waiting for authorization (2)");
        assertThat(central.audit.refusals()).extracting(AuditEntry::action).containsExactly("monitor.auth", "monitor.register");
        assertThat(central.reports.authenticate(new FakeMonitorChannel("10.0.0.2:1"), CpId.of("cp_known"),
                central.credentials.get("cp_known"), "again")).isTrue();
        assertThat(known.isOpen()).isFalse();
    }

    @Test
    void aNetworkThatAuthorizesNewcomersHasNoPendingListToFlood() {
        central.settings.autoAuthorize = true;
        central.settings.newcomersPerMinutePerSource = 1;

        newcomer("10.1.1.1", "cp_a0");

        assertThatCode(() -> newcomer("10.1.1.1", "cp_a1")).doesNotThrowAnyException();
    }
}
