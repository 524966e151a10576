package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.monitor.StopChargingSessionCommand;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.api.model.SessionState;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.MeterReading;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.NotFoundException;
import org.junit.jupiter.api.Test;

/** A charge from request to ticket, through every ending, as the driver and the operator see it. */
class ChargingSessionFlowTest {

    private final CoreFixture central = new CoreFixture();

    @Test
    void anAcceptedRequestBooksTheCpAndTellsItToSupply() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");

        ChargingSession session = central.charge("cp_001", "driver_1");

        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.CHARGING);
        assertThat(monitor.sentOf(StartChargingCommand.class)).singleElement()
                .satisfies(start -> assertThat(start.sessionId()).isEqualTo(session.id()));
        assertThat(session.state()).isEqualTo(SessionState.AUTHORIZED);
    }

    @Test
    void readingsCountOnceWhicheverWayAndOrderTheyArrive() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");

        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03));
        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03)); // the same tick by Kafka
        central.sessions.reading(session.id(), MeterReading.of(0.2, 0.06));
        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03)); // a late one

        assertThat(central.toDrivers).filteredOn(ChargingStatusUpdate.class::isInstance).hasSize(2);
        central.readings.flush();
        assertThat(central.session(session.id()).energyKwh()).isEqualByComparingTo("0.2");
        assertThat(central.session(session.id()).state()).isEqualTo(SessionState.IN_PROGRESS);
    }

    @Test
    void readingsAreFlushedInShortTransactionsAndNoneIsLeftOut() {
        int count = 2 * ReadingsFlush.READINGS_PER_TRANSACTION + 3;
        List<ChargingSession> charging = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i % 15 == 0) {
                central.advanceSeconds(60); // newcomers are let in at a bounded rate per address
            }
            central.activeCp("cp_" + i);
        }
        for (int i = 0; i < count; i++) {
            charging.add(central.charge("cp_" + i, "driver_" + i));
        }
        charging.forEach(session -> central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03)));
        List<Integer> transactions = new ArrayList<>();
        SessionStore store = central.readings.store;
        central.readings.store = new SessionStore() {
            @Override
            public void saveReadings(Map<String, MeterReading> readings) {
                transactions.add(readings.size());
                store.saveReadings(readings);
            }
        };

        central.readings.flush();

        assertThat(transactions).containsExactly(ReadingsFlush.READINGS_PER_TRANSACTION,
                ReadingsFlush.READINGS_PER_TRANSACTION, 3);
        assertThat(charging).allSatisfy(session ->
                assertThat(central.session(session.id()).energyKwh()).isEqualByComparingTo("0.1"));
    }

    @Test
    void aCompletionArrivingTwiceGivesOneTicketAndFreesTheCp() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03));

        central.sessions.completion(session.id(), MeterReading.of(0.3, 0.09), Optional.of(SessionEnding.UNPLUGGED));
        central.sessions.completion(session.id(), MeterReading.of(0.3, 0.09), Optional.empty());

        assertThat(central.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.3);
            assertThat(ticket.totalCost()).isEqualTo(0.09);
            assertThat(ticket.endedBy()).isEqualTo("unplugged");
        });
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
        assertThat(central.session(session.id()).state()).isEqualTo(SessionState.COMPLETED);
    }

    @Test
    void theSecondCopyOfACompletionCostsNoDatabaseWork() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.completion(session.id(), MeterReading.of(0.3, 0.09), Optional.of(SessionEnding.UNPLUGGED));
        int findsBefore = central.sessionRepository.finds;

        central.sessions.completion(session.id(), MeterReading.of(0.3, 0.09), Optional.of(SessionEnding.UNPLUGGED));

        assertThat(central.sessionRepository.finds).isEqualTo(findsBefore);
        assertThat(central.tickets()).hasSize(1);
    }

    @Test
    void aBusyCpOrABusyDriverIsRefusedWithTheReason() {
        central.activeCp("cp_001");
        central.activeCp("cp_002");
        central.charge("cp_001", "driver_1");

        assertThatThrownBy(() -> central.charge("cp_001", "driver_2"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("CHARGING");
        assertThatThrownBy(() -> central.charge("cp_002", "driver_1"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already has a charging session");
        assertThatThrownBy(() -> central.charge("cp_404", "driver_3"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theSameRequestDeliveredAgainGetsTheSessionItOpened() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");

        ChargingSession first = central.driverService.requestCharge(CpId.of("cp_001"), "driver_1", "req-1", null);
        ChargingSession again = central.driverService.requestCharge(CpId.of("cp_001"), "driver_1", "req-1", null);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(monitor.sentOf(StartChargingCommand.class)).hasSize(1);
    }

    @Test
    void aRequestThatWaitedTooLongIsRefused() {
        central.activeCp("cp_001");
        long sentAt = central.clock.instant().getEpochSecond() - 301;

        assertThatThrownBy(() -> central.driverService.requestCharge(CpId.of("cp_001"), "driver_1", "req-old", sentAt))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Request expired");
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void aCpNobodyCanReachIsNotLeftBooked() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        monitor.close();

        assertThatThrownBy(() -> central.charge("cp_001", "driver_1"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("could not be reached");

        assertThat(central.tickets()).singleElement()
                .satisfies(ticket -> assertThat(ticket.endedBy()).isEqualTo("start_failed"));
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void theDriverStopsOnlyTheirOwnSessionAndTheTicketSaysSo() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03));

        assertThatThrownBy(() -> central.driverService.stop(session.id(), "driver_2"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("does not belong");
        central.driverService.stop(session.id(), "driver_1");
        central.driverService.stop(session.id(), "driver_1");
        assertThat(monitor.sentOf(StopChargingSessionCommand.class)).hasSize(1);

        // The Engine reports an unplug: Central knows better, it commanded the stop.
        central.sessions.completion(session.id(), MeterReading.of(0.15, 0.05), Optional.of(SessionEnding.UNPLUGGED));
        assertThat(central.tickets()).singleElement()
                .satisfies(ticket -> assertThat(ticket.endedBy()).isEqualTo("driver_stop"));
        assertThatThrownBy(() -> central.driverService.stop(session.id(), "driver_1"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already ended");
    }

    @Test
    void anEngineFaultEndsTheSupplyAtOnceWithTheEnergySoFar() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(0.2, 0.06));

        central.reports.status(monitor, CpId.of("cp_001"), ChargingPointState.FAULTY);

        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.FAULTY);
        assertThat(central.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.endedBy()).isEqualTo("engine_fault");
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.2);
        });
        // The Engine's own final figures arrive later: no second ticket, and the bill stays the ticket's.
        central.sessions.completion(session.id(), MeterReading.of(0.25, 0.08), Optional.empty());
        assertThat(central.tickets()).hasSize(1);
        assertThat(central.session(session.id()).energyKwh()).isEqualByComparingTo("0.2");
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.FAULTY);
    }

    @Test
    void aSupplyOutlivesALinkLossLongerThanTheStopGraceAndTheCpIsNotBookedTwice() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03));

        central.reports.linkLost(monitor, "link cut");
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.DISCONNECTED);
        central.advanceSeconds(20);
        central.sessions.closeOverdue();
        assertThat(central.tickets()).as("a 20 s cut does not end a supply that goes on").isEmpty();
        FakeMonitorChannel back = new FakeMonitorChannel("10.0.0.2:50000");
        central.connect(back, "cp_001");

        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.CHARGING);
        assertThatThrownBy(() -> central.charge("cp_001", "driver_2")).isInstanceOf(ConflictException.class);
        central.advanceSeconds(30);
        central.sessions.closeOverdue();
        assertThat(central.tickets()).isEmpty();

        central.sessions.completion(session.id(), MeterReading.of(0.4, 0.12), Optional.of(SessionEnding.UNPLUGGED));
        assertThat(central.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.4);
            assertThat(ticket.endedBy()).isEqualTo("unplugged");
        });
    }

    @Test
    void aMonitorThatStaysAwayEndsTheSessionAfterTheGrace() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03));

        central.reports.linkLost(monitor, "socket closed");
        central.advanceSeconds(299);
        central.sessions.closeOverdue();
        assertThat(central.tickets()).isEmpty();
        central.advanceSeconds(2);
        central.sessions.closeOverdue();

        assertThat(central.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.endedBy()).isEqualTo("monitor_lost");
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.1);
        });
    }

    @Test
    void aCpThatNeverStartsIsClosedAndTheDriverTold() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");

        central.advanceSeconds(61);
        central.sessions.closeOverdue();

        assertThat(central.session(session.id()).state()).isEqualTo(SessionState.FAILED);
        assertThat(central.tickets()).singleElement()
                .satisfies(ticket -> assertThat(ticket.endedBy()).isEqualTo("start_failed"));
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void afterARestartACpWhoseSessionRunsComesBackCharging() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03));
        central.readings.flush();

        CoreFixture restarted = central.restarted();
        assertThat(restarted.adopted.resumeAfterRestart()).isEqualTo(1);
        assertThat(restarted.cp("cp_001").state()).isEqualTo(ChargingPointState.DISCONNECTED);
        restarted.connect(new FakeMonitorChannel("10.0.0.2:50001"), "cp_001");

        assertThat(restarted.cp("cp_001").state()).isEqualTo(ChargingPointState.CHARGING);
        restarted.sessions.completion(session.id(), MeterReading.of(0.3, 0.09), Optional.of(SessionEnding.MAX_DURATION));
        assertThat(restarted.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.endedBy()).isEqualTo("max_duration");
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.3);
        });
        assertThat(restarted.cp("cp_001").state()).isEqualTo(ChargingPointState.ACTIVE);
        assertThat(monitor.isOpen()).isTrue();
    }

    @Test
    void theTicketSaysWhenTheSupplyEndedNotWhenCentralHeardOfIt() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.advanceSeconds(10);
        central.sessions.reading(session.id(), MeterReading.of(0.1, 0.03));
        long endedAt = central.clock.instant().getEpochSecond();
        central.advanceSeconds(13); // the completion waited in Kafka while Central restarted

        central.sessions.completion(session.id(), MeterReading.of(0.2, 0.06), Optional.of(SessionEnding.UNPLUGGED), endedAt);

        assertThat(central.tickets()).singleElement().satisfies(ticket ->
                assertThat(ticket.endTime()).isEqualTo(java.time.Instant.ofEpochSecond(endedAt).toString()));
    }

    @Test
    void aCpClockOutsideTheSessionsLifeIsNotBelieved() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.advanceSeconds(5);
        long future = central.clock.instant().getEpochSecond() + 3600;

        central.sessions.completion(session.id(), MeterReading.of(0.2, 0.06), Optional.empty(), future);

        assertThat(central.tickets()).singleElement().satisfies(ticket ->
                assertThat(ticket.endTime()).isEqualTo(central.clock.instant().toString()));
    }
}
