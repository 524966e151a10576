package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.ownership.CpLease;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.MeterReading;
import org.evcharging.central.domain.shared.ConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two Centrals on one database: who owns a CP, how it moves when a Central dies, and what is fenced. */
class OwnershipTest {

    private static final CpId CP = CpId.of("cp_1");

    private CoreFixture a;
    private CoreFixture b;
    private final List<CpCommand> sent = new CopyOnWriteArrayList<>();
    private final List<String> appliedByB = new CopyOnWriteArrayList<>();

    @BeforeEach
    void twoCentrals() {
        List<CoreFixture> cluster = CoreFixture.cluster("a", "b");
        a = cluster.get(0);
        b = cluster.get(1);
        a.ownership.bus = sent::add;
        b.ownership.bus = sent::add;
        b.ownership.applier = (command, late) -> appliedByB.add(command.kind().wire() + (late ? " late" : ""));
    }

    @Test
    void theCentralTheMonitorIsConnectedToOwnsTheCp() {
        a.activeCp(CP.value());

        assertThat(a.ownership.heldHere(CP)).isTrue();
        assertThat(b.ownership.heldHere(CP)).isFalse();
        assertThat(b.ownership.heldElsewhere(CP)).contains(a.ownership.me());
        assertThat(b.ownership.holders()).containsEntry(CP, a.ownership.me());
    }

    @Test
    void aRequestForACpOwnedElsewhereIsForwardedToItsOwner() {
        a.activeCp(CP.value());

        assertThat(b.ownership.forwarded(CpCommand.Kind.CHARGE, CP, "{}")).isTrue();
        assertThat(a.ownership.forwarded(CpCommand.Kind.CHARGE, CP, "{}")).as("its own CP is not forwarded").isFalse();

        assertThat(sent).singleElement().satisfies(command -> {
            assertThat(command.target()).isEqualTo(a.ownership.me());
            assertThat(command.origin()).isEqualTo(b.ownership.me());
            assertThat(a.ownership.appliesHere(command)).isTrue();
            assertThat(b.ownership.appliesHere(command)).isFalse();
        });
    }

    @Test
    void anOperatorStopMadeOnAnotherCentralReachesTheOwnersMonitor() {
        FakeMonitorChannel monitor = a.activeCp(CP.value());

        b.operator.stop(CP);

        assertThat(b.cp(CP.value()).state()).as("committed wherever it is made").isEqualTo(ChargingPointState.STOPPED);
        assertThat(sent).singleElement().extracting(CpCommand::kind).isEqualTo(CpCommand.Kind.OPERATOR_STOP);
        a.operator.stopHere(CP);
        assertThat(monitor.sent).as("the owner tells its Monitor").isNotEmpty();
    }

    @Test
    void whenTheOwnerDiesTheCentralTheMonitorMovedToTakesTheCpAndItsSessionAfterTheLease() {
        a.activeCp(CP.value());
        ChargingSession session = a.charge(CP.value(), "driver_1");
        a.sessions.reading(session.id(), MeterReading.of(0.5, 0.15));
        a.readings.flush();
        // a is killed: it renews nothing any more. The Monitor fails over to b at once.
        b.credentials.putAll(a.credentials);
        b.connect(new FakeMonitorChannel("10.0.0.2:50001"), CP.value());
        b.ownership.tick();
        assertThat(b.ownership.heldHere(CP)).as("a's lease still runs: b waits on standby").isFalse();

        b.advanceSeconds(4);
        b.ownership.tick();

        assertThat(b.ownership.heldHere(CP)).isTrue();
        assertThat(b.cp(CP.value()).state()).isEqualTo(ChargingPointState.CHARGING);
        assertThat(b.running.onCp(CP)).as("b follows the session now").isPresent();
        b.sessions.completion(session.id(), MeterReading.of(0.9, 0.27), Optional.of(SessionEnding.UNPLUGGED));
        assertThat(b.tickets()).singleElement().satisfies(t -> assertThat(t.energyConsumedKwh()).isEqualTo(0.9));
        assertThat(b.cp(CP.value()).state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void aTakeOverThatOutlastsALeaseTermKeepsEveryCpTheTakerHolds() {
        b.activeCp("cp_own");
        List<String> fromA = List.of("cp_a1", "cp_a2", "cp_a3", "cp_a4", "cp_a5", "cp_a6");
        fromA.forEach(a::activeCp);
        // a is killed; its Monitors fail over to b, which takes them once a's leases expire.
        b.credentials.putAll(a.credentials);
        for (String id : fromA) {
            b.connect(new FakeMonitorChannel("10.0.0.3:" + id.hashCode() % 1000), id);
        }
        b.advanceSeconds(4);
        b.leaseRepository.eachLookup = () -> b.advanceSeconds(1); // a busy database: 6 take-overs, twice the 3 s term

        b.ownership.tick();

        assertThat(b.ownership.holders()).as("valid leases after the tick")
                .containsEntry(CpId.of("cp_own"), b.ownership.me())
                .containsAllEntriesOf(fromA.stream().collect(java.util.stream.Collectors.toMap(CpId::of, id -> b.ownership.me())));
    }

    @Test
    void aCpWhoseMonitorWaitsHereIsTakenNotWrittenDisconnectedWhenItsLeaseRunsOutDuringTheTick() {
        a.activeCp(CP.value());
        // a is killed; the Monitor waits on b while a's lease still runs.
        b.credentials.putAll(a.credentials);
        b.connect(new FakeMonitorChannel("10.0.0.2:50001"), CP.value());
        b.advanceSeconds(2);
        b.leaseRepository.eachLookup = () -> b.advanceSeconds(2); // a busy database: the lease expires within the tick

        b.ownership.tick();

        assertThat(b.ownership.heldHere(CP)).isTrue();
        assertThat(b.cp(CP.value()).state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void theSurvivorTakesHundredsOfWaitingCpsInBatchesWithTheirSessions() {
        List<String> fromA = java.util.stream.IntStream.range(0, Ownership.TAKE_BATCH * 2 + 50)
                .mapToObj(i -> "cp_m" + i).toList();
        a.settings.newcomersPerMinutePerSource = fromA.size();
        fromA.forEach(a::activeCp);
        ChargingSession charging = a.charge("cp_m7", "driver_1");
        b.credentials.putAll(a.credentials);
        fromA.forEach(id -> b.connect(new FakeMonitorChannel("10.0.0.3:" + id), id));
        b.advanceSeconds(4);

        b.ownership.tick();

        assertThat(fromA).allSatisfy(id -> assertThat(b.ownership.heldHere(CpId.of(id))).as(id).isTrue());
        assertThat(fromA).filteredOn(id -> !id.equals("cp_m7"))
                .allSatisfy(id -> assertThat(b.cp(id).state()).as(id).isEqualTo(ChargingPointState.ACTIVE));
        assertThat(b.cp("cp_m7").state()).isEqualTo(ChargingPointState.CHARGING);
        assertThat(b.running.onCp(CpId.of("cp_m7"))).as("b follows the session")
                .hasValueSatisfying(live -> assertThat(live.id()).isEqualTo(charging.id()));
    }

    @Test
    void aBatchThatRacesAnotherCentralForOneRowIsTakenOneByOne() {
        List<String> waiting = List.of("cp_r1", "cp_r2", "cp_r3");
        waiting.forEach(a::activeCp);
        b.credentials.putAll(a.credentials);
        waiting.forEach(id -> b.connect(new FakeMonitorChannel("10.0.0.3:" + id), id));
        // a died and a third Central, c, reaped its leases; as b inserts cp_r2's row, c inserts it first.
        b.advanceSeconds(4);
        waiting.forEach(id -> b.leaseRepository.remove(b.leaseRepository.find(CpId.of(id)).orElseThrow()));
        boolean[] raced = {false};
        b.leaseRepository.beforeAdd = id -> {
            if (id.value().equals("cp_r2") && !raced[0]) {
                raced[0] = true;
                b.leaseRepository.add(CpLease.first(id, "c/1", b.millis.get(), b.settings.leaseTerm()));
            }
        };

        b.ownership.tick();

        assertThat(raced[0]).isTrue();
        assertThat(b.ownership.heldHere(CpId.of("cp_r1"))).isTrue();
        assertThat(b.ownership.heldHere(CpId.of("cp_r3"))).isTrue();
        assertThat(b.ownership.heldElsewhere(CpId.of("cp_r2"))).as("c won that row").contains("c/1");
        assertThat(b.cp("cp_r3").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void aCentralThatLostTheCpCannotMarkItDisconnected() {
        FakeMonitorChannel stale = a.activeCp(CP.value());
        b.advanceSeconds(4); // a stalled past its lease
        b.credentials.putAll(a.credentials);
        b.connect(new FakeMonitorChannel("10.0.0.2:50002"), CP.value());
        assertThat(b.ownership.heldHere(CP)).isTrue();

        a.reports.linkLost(stale, "socket closed late");

        assertThat(b.cp(CP.value()).state()).as("b's facts stand").isEqualTo(ChargingPointState.ACTIVE);
        assertThat(b.ownership.heldElsewhere(CP)).isEmpty();
        assertThat(a.ownership.heldElsewhere(CP)).contains(b.ownership.me());
    }

    @Test
    void theOwnerReleasesTheCpWhenItsMonitorLeaves() {
        FakeMonitorChannel monitor = a.activeCp(CP.value());

        a.reports.linkLost(monitor, "socket closed");

        assertThat(a.cp(CP.value()).state()).isEqualTo(ChargingPointState.DISCONNECTED);
        assertThat(b.ownership.holders()).isEmpty();
    }

    @Test
    void aDeadCentralsCpsAreReapedDisconnectedAndTheirSessionFollowedUntilTheGrace() {
        a.activeCp(CP.value());
        ChargingSession session = a.charge(CP.value(), "driver_1");
        a.sessions.reading(session.id(), MeterReading.of(0.5, 0.15));
        a.readings.flush();

        b.advanceSeconds(4);
        b.ownership.tick();

        assertThat(b.cp(CP.value()).state()).isEqualTo(ChargingPointState.DISCONNECTED);
        assertThat(b.ownership.holders()).isEmpty();
        b.advanceSeconds(b.settings.monitorLostGrace.toSeconds() + 1);
        b.sessions.closeOverdue();
        assertThat(b.tickets()).singleElement().satisfies(t -> {
            assertThat(t.energyConsumedKwh()).isEqualTo(0.5);
            assertThat(t.endedBy()).isEqualTo(SessionEnding.MONITOR_LOST.wire());
        });
    }

    @Test
    void aSessionFollowedOnPresumptionIsLeftToTheCentralThatTookTheCp() {
        a.activeCp(CP.value());
        ChargingSession session = a.charge(CP.value(), "driver_1");
        b.advanceSeconds(4);
        b.ownership.tick(); // b reaps a's lease and follows the session as "Monitor lost"
        // The Monitor comes back on another Central (a restarted: a new id).
        a.settings.centralName = "a2";
        a.ownership.name();
        a.connect(new FakeMonitorChannel("10.0.0.2:50003"), CP.value());
        assertThat(a.ownership.heldHere(CP)).isTrue();

        b.advanceSeconds(b.settings.monitorLostGrace.toSeconds() + 1);
        a.ownership.tick();
        b.sessions.closeOverdue();

        assertThat(b.tickets()).as("b does not close a session a follows").isEmpty();
        assertThat(b.running.get(session.id())).isEmpty();
        assertThat(a.running.get(session.id())).as("followed by the CP's new Central").isPresent();
    }

    @Test
    void aDriverChargingThroughOneCentralIsRefusedASecondChargeThroughTheOther() {
        a.activeCp(CP.value());
        b.activeCp("cp_2");
        a.charge(CP.value(), "driver_1");

        assertThatThrownBy(() -> b.driverService.requestCharge(CpId.of("cp_2"), "driver_1", "req-on-b", null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already has a charging session in progress");
        assertThat(b.cp("cp_2").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void aCommandForTheDeadOwnerIsKeptByTheCentralItsMonitorWaitsOnAndAppliedWhenTheLeaseComes() {
        a.activeCp(CP.value());
        b.credentials.putAll(a.credentials);
        b.connect(new FakeMonitorChannel("10.0.0.2:50004"), CP.value()); // standby: a's lease runs
        CpCommand toDeadOwner = new CpCommand(CpCommand.Kind.CHARGE, CP.value(), a.ownership.me(), "c/1", "{}");

        b.ownership.received(toDeadOwner);
        assertThat(appliedByB).as("not b's yet").isEmpty();
        b.advanceSeconds(4);
        b.ownership.tick();

        assertThat(appliedByB).containsExactly("charge late");
    }

    @Test
    void aCommandForACentralThatIsStoppingIsAppliedByTheNextHolderEvenAfterAnOrderlyStopOfSeconds() {
        a.activeCp(CP.value());
        b.credentials.putAll(a.credentials);
        b.connect(new FakeMonitorChannel("10.0.0.2:50006"), CP.value()); // standby: a's lease runs
        b.ownership.received(new CpCommand(CpCommand.Kind.CHARGE, CP.value(), a.ownership.me(), "c/1", "{}"));
        // a is stopping: it renews its leases for another 6 s without applying the command, then ends.
        for (int second = 2; second <= 6; second += 2) {
            a.advanceSeconds(2);
            a.ownership.tick();
            b.ownership.tick();
        }
        b.advanceSeconds(4);
        b.ownership.tick();

        assertThat(b.ownership.heldHere(CP)).isTrue();
        assertThat(appliedByB).containsExactly("charge late");
    }

    @Test
    void aCommandIsKeptLongEnoughForAnOrderlyStopButNotForever() {
        a.activeCp(CP.value());
        b.ownership.received(new CpCommand(CpCommand.Kind.OPERATOR_STOP, CP.value(), a.ownership.me(), "c/1", null));

        b.advanceSeconds(b.settings.commandsKept.toSeconds() + 1);
        b.ownership.tick(); // a's lease is reaped; the command is too old to be anybody's now
        b.credentials.putAll(a.credentials);
        b.connect(new FakeMonitorChannel("10.0.0.2:50005"), CP.value());

        assertThat(b.ownership.heldHere(CP)).isTrue();
        assertThat(appliedByB).isEmpty();
    }

    @Test
    void aCommandForACpThatNeverComesHereIsNeverApplied() {
        a.activeCp(CP.value());

        b.ownership.received(new CpCommand(CpCommand.Kind.OPERATOR_STOP, CP.value(), a.ownership.me(), "c/1", null));
        a.advanceSeconds(2);
        a.ownership.tick();
        b.ownership.tick();

        assertThat(appliedByB).isEmpty();
    }

    @Test
    void aCommandAddressedHereOrForACpHeldHereIsAppliedAtOnce() {
        b.activeCp(CP.value());

        b.ownership.received(new CpCommand(CpCommand.Kind.OPERATOR_RESUME, CP.value(), "a/gone", "c/1", null));
        b.ownership.received(new CpCommand(CpCommand.Kind.ADMIT, "cp_9", b.ownership.me(), "c/1", null));

        assertThat(appliedByB).containsExactly("operator_resume", "admit");
    }

    @Test
    void everyCentralShowsTheWholeNetworkAndWhoHoldsEachCp() {
        a.activeCp(CP.value());
        ChargingSession session = a.charge(CP.value(), "driver_1");
        a.sessions.reading(session.id(), MeterReading.of(0.5, 0.15));
        a.readings.flush();

        ChargingPointStatus seenByB = b.queries.chargingPoints(null).get(0);

        assertThat(seenByB.central()).isEqualTo(a.ownership.me());
        assertThat(seenByB.monitorConnected()).as("connected to a").isTrue();
        assertThat(seenByB.charge().energyKwh()).as("the figures a last wrote").isEqualByComparingTo("0.5");
        assertThat(b.queries.chargingPoint(CP).charge().sessionId()).isEqualTo(session.id());
        assertThat(a.queries.chargingPoint(CP).central()).isEqualTo(a.ownership.me());
    }

    @Test
    void withOneCentralEveryCpIsItsOwnAndNoLeaseIsWritten() {
        CoreFixture single = new CoreFixture();

        single.activeCp(CP.value());

        assertThat(single.ownership.heldHere(CP)).isTrue();
        assertThat(single.ownership.heldElsewhere(CP)).isEmpty();
        assertThat(single.leaseRepository.valid(0)).isEmpty();
    }
}
