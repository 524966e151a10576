package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.application.ChargeAdmission.Ask;
import org.evcharging.central.application.ChargeAdmission.Outcome;
import org.junit.jupiter.api.Test;

/** A poll's charge requests decided together: each gets the answer it would have got alone. */
class ChargeAdmissionTest {

    private final CoreFixture central = new CoreFixture();

    private static Ask ask(String cpId, String driverId, String requestId) {
        return new Ask(cpId, driverId, requestId, null);
    }

    @Test
    void everyRequestOfABatchOpensItsSessionAndItsCpIsToldOnce() {
        FakeMonitorChannel one = central.activeCp("cp_001");
        FakeMonitorChannel two = central.activeCp("cp_002");

        List<Outcome> outcomes = central.admission.admit(List.of(ask("cp_001", "driver_1", "r1"), ask("cp_002", "driver_2", "r2")));

        assertThat(outcomes).allMatch(Outcome::admitted);
        assertThat(one.sentOf(StartChargingCommand.class)).singleElement()
                .satisfies(start -> assertThat(start.sessionId()).isEqualTo(outcomes.get(0).session().id()));
        assertThat(two.sentOf(StartChargingCommand.class)).singleElement()
                .satisfies(start -> assertThat(start.sessionId()).isEqualTo(outcomes.get(1).session().id()));
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.CHARGING);
        assertThat(central.cp("cp_002").state()).isEqualTo(ChargingPointState.CHARGING);
    }

    @Test
    void aRefusalStaysWithItsRequestAndTheOthersStart() {
        central.activeCp("cp_001");
        central.activeCp("cp_002");
        central.activeCp("cp_busy");
        central.charge("cp_busy", "driver_0");
        long longAgo = central.clock.instant().getEpochSecond() - 301;

        List<Outcome> outcomes = central.admission.admit(List.of(
                ask("cp_001", "driver_1", "r1"),
                ask("cp_busy", "driver_2", "r2"),
                ask("cp_404", "driver_3", "r3"),
                new Ask("cp_002", "driver_4", "r4", longAgo),
                ask("not a cp id!", "driver_5", "r5"),
                ask("cp_002", "driver_6", "r6")));

        assertThat(outcomes.get(0).admitted()).isTrue();
        assertThat(outcomes.get(1).refusal()).hasMessageContaining("CHARGING");
        assertThat(outcomes.get(2).refusal()).hasMessageContaining("cp_404");
        assertThat(outcomes.get(3).refusal()).hasMessageContaining("Request expired");
        assertThat(outcomes.get(4).refusal()).isNotNull();
        assertThat(outcomes.get(5).admitted()).isTrue();
        assertThat(central.session(outcomes.get(5).session().id()).cpId()).isEqualTo("cp_002");
    }

    @Test
    void twoRequestsForOneCpInABatchGiveItToTheFirst() {
        FakeMonitorChannel cp = central.activeCp("cp_001");

        List<Outcome> outcomes = central.admission.admit(List.of(ask("cp_001", "driver_1", "r1"), ask("cp_001", "driver_2", "r2")));

        assertThat(outcomes.get(0).admitted()).isTrue();
        assertThat(outcomes.get(1).refusal()).hasMessageContaining("CHARGING");
        assertThat(cp.sentOf(StartChargingCommand.class)).hasSize(1);
    }

    @Test
    void aDriverAskingTwiceInABatchIsRefusedTheSecondTime() {
        central.activeCp("cp_001");
        FakeMonitorChannel second = central.activeCp("cp_002");

        List<Outcome> outcomes = central.admission.admit(List.of(ask("cp_001", "driver_1", "r1"), ask("cp_002", "driver_1", "r2")));

        assertThat(outcomes.get(0).admitted()).isTrue();
        assertThat(outcomes.get(1).refusal()).hasMessageContaining("already has a charging session");
        assertThat(second.sentOf(StartChargingCommand.class)).isEmpty();
    }

    @Test
    void theSameRequestDeliveredTwiceGetsOneSession() {
        FakeMonitorChannel cp = central.activeCp("cp_001");
        Outcome before = central.admission.admit(List.of(ask("cp_001", "driver_1", "r1"))).get(0);

        List<Outcome> outcomes = central.admission.admit(List.of(ask("cp_001", "driver_1", "r1"), ask("cp_001", "driver_1", "r1")));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.session().id()).isEqualTo(before.session().id()));
        assertThat(cp.sentOf(StartChargingCommand.class)).hasSize(1);
    }

    @Test
    void aRequestSeenBeforeWhoseSessionEndedGetsThatSessionAndItsCpIsNotToldAgain() {
        FakeMonitorChannel cp = central.activeCp("cp_001");
        Outcome first = central.admission.admit(List.of(ask("cp_001", "driver_1", "r1"))).get(0);
        central.sessions.completion(first.session().id(), org.evcharging.central.domain.model.session.MeterReading.of(0.2, 0.06),
                java.util.Optional.empty());

        Outcome again = central.admission.admit(List.of(ask("cp_001", "driver_1", "r1"))).get(0);

        assertThat(again.session().id()).isEqualTo(first.session().id());
        assertThat(cp.sentOf(StartChargingCommand.class)).hasSize(1);
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void whenTheSharedTransactionFailsEachRequestIsDecidedAloneAndNoneIsLost() {
        FakeMonitorChannel one = central.activeCp("cp_001");
        FakeMonitorChannel two = central.activeCp("cp_002");
        central.admission.store = new SessionStore() {
            @Override
            public List<Attempt> openAll(List<Request> requests) {
                throw new IllegalStateException("the database refused the batch");
            }
        };

        List<Outcome> outcomes = central.admission.admit(List.of(ask("cp_001", "driver_1", "r1"), ask("cp_002", "driver_2", "r2")));

        assertThat(outcomes).allMatch(Outcome::admitted);
        assertThat(one.sentOf(StartChargingCommand.class)).hasSize(1);
        assertThat(two.sentOf(StartChargingCommand.class)).hasSize(1);
    }

    @Test
    void aCpNobodyCanReachIsRefusedAndNotLeftBooked() {
        central.activeCp("cp_001").close();
        central.activeCp("cp_002");

        List<Outcome> outcomes = central.admission.admit(List.of(ask("cp_001", "driver_1", "r1"), ask("cp_002", "driver_2", "r2")));

        assertThat(outcomes.get(0).refusal()).hasMessageContaining("could not be reached");
        assertThat(outcomes.get(1).admitted()).isTrue();
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
    }
}
