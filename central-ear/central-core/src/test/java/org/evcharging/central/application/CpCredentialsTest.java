package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.application.MonitorReports.Heartbeat;
import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.chargingpoint.Registration;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.NotFoundException;
import org.junit.jupiter.api.Test;

/** Who may speak for a CP: its credential, or its id alone when it is legacy; every refusal audited. */
class CpCredentialsTest {

    private static final CpId CP = CpId.of("cp_001");

    private final CoreFixture central = new CoreFixture();
    private final FakeMonitorChannel real = central.activeCp("cp_001");
    private final FakeMonitorChannel intruder = new FakeMonitorChannel("10.6.6.6:50000");

    @Test
    void anIntruderWithTheIdAndNoCredentialIsRefusedAndTheRealCpKeepsItsLinkAndPrice() {
        assertThatThrownBy(() -> central.reports.authenticate(intruder, CP, null, "evil-auth"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("no credential presented");
        assertThatThrownBy(() -> central.reports.register(intruder, CP, "Evil street", 9.99, null, "evil-reg"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("must authenticate with its credential");
        assertThatThrownBy(() -> central.reports.heartbeat(intruder, CP, null)).isInstanceOf(ConflictException.class);

        assertThat(real.isOpen()).isTrue();
        assertThat(central.reports.heartbeat(real, CP, null)).isEqualTo(Heartbeat.ALIVE);
        assertThat(central.cp("cp_001").pricePerKwh()).isEqualByComparingTo(CoreFixture.PRICE);
        assertThat(central.cp("cp_001").location()).isEqualTo("Street cp_001");
        assertThat(central.audit.refusals()).extracting(AuditEntry::action)
                .containsExactly("monitor.auth", "monitor.register", "monitor.heartbeat");
        assertThat(central.audit.refusals()).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("cp:cp_001");
            assertThat(entry.sourceIp()).isEqualTo("10.6.6.6");
        });
    }

    @Test
    void aWrongCredentialIsRefusedWithItsReason() {
        assertThatThrownBy(() -> central.reports.authenticate(intruder, CP, "guess", "evil-auth"))
                .hasMessage("Authentication refused for charging point cp_001: wrong credential");
        assertThat(real.isOpen()).isTrue();
        assertThat(central.audit.refusals()).singleElement().satisfies(entry ->
                assertThat(entry.detail()).contains("wrong credential"));
    }

    @Test
    void aValidNewerConnectionReplacesTheOldOne() {
        FakeMonitorChannel again = new FakeMonitorChannel("10.0.0.2:40999");

        assertThat(central.reports.authenticate(again, CP, central.credentials.get("cp_001"), "auth-2")).isTrue();

        assertThat(real.isOpen()).isFalse();
        assertThat(central.reports.heartbeat(again, CP, null)).isEqualTo(Heartbeat.ALIVE);
        assertThat(central.audit.refusals()).isEmpty();
    }

    @Test
    void revokingDropsTheCurrentConnectionAndTheOldCredentialIsRefusedAfterwards() {
        String credential = central.credentials.get("cp_001");

        central.registry.revoke(CP);

        assertThat(real.isOpen()).isFalse();
        FakeMonitorChannel back = new FakeMonitorChannel("10.0.0.2:41000");
        assertThatThrownBy(() -> central.reports.authenticate(back, CP, credential, "auth-3"))
                .hasMessageContaining("never issued or revoked");
    }

    @Test
    void afterRotationTheOldCredentialIsReplayedInVainAndTheNewOneWorks() {
        String old = central.credentials.get("cp_001");

        String rotated = central.registry.rotate(CP).credential();

        assertThat(rotated).isNotEqualTo(old);
        assertThat(real.isOpen()).as("the connected Monitor keeps its link until it reconnects").isTrue();
        assertThatThrownBy(() -> central.reports.authenticate(intruder, CP, old, "replay"))
                .hasMessageContaining("wrong credential");
        FakeMonitorChannel back = new FakeMonitorChannel("10.0.0.2:41001");
        assertThat(central.reports.authenticate(back, CP, rotated, "auth-4")).isTrue();
    }

    @Test
    void aLegacyCpIsAdmittedByIdAloneAsBefore() {
        central.registry.legacy(CP, true);
        FakeMonitorChannel python = new FakeMonitorChannel("10.0.0.9:40000");

        // The first implementation's Monitor goes straight to register_request when it reconnects.
        assertThat(central.reports.register(python, CP, "Unknown", 0.2, null, "reg-py")).isFalse();

        assertThat(central.reports.heartbeat(python, CP, null)).isEqualTo(Heartbeat.ALIVE);
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
        assertThat(central.cp("cp_001").pricePerKwh()).isEqualByComparingTo(CoreFixture.PRICE);
    }

    @Test
    void turningLegacyOffCutsAnIdOnlyLinkAndRefusesIdOnlyReturns() {
        central.registry.legacy(CP, true);
        FakeMonitorChannel python = new FakeMonitorChannel("10.0.0.9:40000");
        central.reports.authenticate(python, CP, null, "auth-py");

        central.registry.legacy(CP, false);

        assertThat(python.isOpen()).isFalse();
        assertThatThrownBy(() -> central.reports.authenticate(new FakeMonitorChannel("10.0.0.9:40001"), CP, null, "a"))
                .hasMessageContaining("no credential presented");
    }

    @Test
    void theSlowHashRunsOncePerConnectionNotPerHeartbeat() {
        FakeMonitorChannel again = new FakeMonitorChannel("10.0.0.2:40999");
        central.reports.authenticate(again, CP, central.credentials.get("cp_001"), "auth-2");
        int afterAuth = central.hasher.checks.get();

        for (int i = 0; i < 50; i++) {
            central.reports.heartbeat(again, CP, null);
            central.reports.signOfLife(again);
        }

        assertThat(central.hasher.checks.get()).isEqualTo(afterAuth);
    }

    @Test
    void theRegistryRegistersACpWithTheOperatorsPriceAndACredentialShownOnce() {
        Enrolled enrolled = central.registry.register(CpId.of("cp_reg"), "Bay 1", new BigDecimal("0.27"), false);

        assertThat(enrolled.credential()).matches("[A-Za-z0-9_-]{43}");
        assertThat(enrolled.chargingPoint().registration()).isEqualTo(Registration.AUTHORIZED);
        assertThat(central.cp("cp_reg").credentialHash()).doesNotContain(enrolled.credential());
        FakeMonitorChannel monitor = new FakeMonitorChannel("10.0.0.3:40000");
        assertThat(central.reports.authenticate(monitor, CpId.of("cp_reg"), enrolled.credential(), "a")).isTrue();
        central.reports.register(monitor, CpId.of("cp_reg"), "Elsewhere", 9.99, null, "r");
        assertThat(central.cp("cp_reg").pricePerKwh()).isEqualByComparingTo("0.27");
        assertThat(central.cp("cp_reg").location()).isEqualTo("Bay 1");
        assertThatThrownBy(() -> central.registry.register(CpId.of("cp_reg"), "Bay 1", BigDecimal.ONE, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already registered");
    }

    @Test
    void registeringAPendingCpAdmitsTheMonitorWaitingOnItsConnection() {
        FakeMonitorChannel waiting = new FakeMonitorChannel("10.0.0.4:40000");
        assertThat(central.reports.authenticate(waiting, CpId.of("cp_new"), null, "auth-new")).isFalse();

        central.registry.register(CpId.of("cp_new"), "Bay 2", new BigDecimal("0.20"), false);

        assertThat(central.reports.register(waiting, CpId.of("cp_new"), "x", 1.0, null, "r")).isTrue();
        assertThat(central.cp("cp_new").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void theRegistryRegistersALegacyCpWithoutACredential() {
        Enrolled enrolled = central.registry.register(CpId.of("cp_old"), "Old bay", new BigDecimal("0.22"), true);

        assertThat(enrolled.credential()).isNull();
        assertThat(central.cp("cp_old").isLegacy()).isTrue();
        assertThat(central.cp("cp_old").isAuthorized()).isTrue();
        assertThat(central.reports.authenticate(new FakeMonitorChannel("10.0.0.7:1"), CpId.of("cp_old"), null, "a")).isTrue();
    }

    @Test
    void anOperatorAuthorizingAsLegacyIssuesNoCredential() {
        central.reports.authenticate(new FakeMonitorChannel("10.0.0.5:40000"), CpId.of("cp_py"), null, "a");

        Enrolled enrolled = central.operator.authorize(CpId.of("cp_py"), true);

        assertThat(enrolled.credential()).isNull();
        assertThat(enrolled.chargingPoint().isLegacy()).isTrue();
        assertThat(central.reports.authenticate(new FakeMonitorChannel("10.0.0.5:40001"), CpId.of("cp_py"), null, "b")).isTrue();
    }

    @Test
    void deregisteringCutsTheCpOffAndForgetsIt() {
        central.registry.deregister(CP);

        assertThat(real.isOpen()).isFalse();
        assertThat(central.chargingPointRepository.find(CP)).isEmpty();
        assertThatThrownBy(() -> central.charge("cp_001", "d1")).isInstanceOf(NotFoundException.class);
    }
}
