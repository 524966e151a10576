package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.chargingpoint.Registration;
import org.evcharging.central.domain.shared.ConflictException;
import org.junit.jupiter.api.Test;

/** A CP waiting for the operator is shown as connected while its Monitor is, yet no driver can use it. */
class PendingChargingPointTest {

    private final CoreFixture central = new CoreFixture();

    @Test
    void aWaitingCpShowsItsLiveLinkButIsNotOfferedToDrivers() {
        FakeMonitorChannel monitor = new FakeMonitorChannel("10.0.0.9:40001");

        assertThat(central.reports.authenticate(monitor, CpId.of("cp_new"), "auth-1")).isFalse();

        assertThat(central.cp("cp_new").state()).isEqualTo(ChargingPointState.ACTIVE);
        assertThat(central.cp("cp_new").registration()).isEqualTo(Registration.PENDING);
        assertThat(central.driverService.availableChargingPoints()).isEmpty();
        assertThatThrownBy(() -> central.charge("cp_new", "driver_1"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not authorized");

        central.reports.linkLost(monitor, "socket closed");
        assertThat(central.cp("cp_new").state()).isEqualTo(ChargingPointState.DISCONNECTED);
    }
}
