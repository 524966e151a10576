package org.evcharging.central.domain.model.session;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;

import org.evcharging.api.model.SessionEnding;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.junit.jupiter.api.Test;

/** The running side of a session: its latest reading and the rules of how it ends. */
class LiveSessionTest {

    private static final long START_DEADLINE = 60_000L;

    private final LiveSession live = new LiveSession("s-1", CpId.of("cp_001"), "driver_1", MeterReading.ZERO, false,
            START_DEADLINE);

    @Test
    void keepsOnlyNewerReadingsAndTheFirstMarksTheSupply() {
        assertThat(live.isSupplying()).isFalse();

        assertThat(live.meter(MeterReading.of(0.2, 0.06), 0)).isTrue();
        assertThat(live.meter(MeterReading.of(0.2, 0.06), 0)).isFalse();
        assertThat(live.meter(MeterReading.of(0.1, 0.03), 0)).isFalse();

        assertThat(live.isSupplying()).isTrue();
        assertThat(live.reading()).isEqualTo(MeterReading.of(0.2, 0.06));
    }

    @Test
    void anUnsavedReadingIsTakenOnce() {
        assertThat(live.takeUnsavedReading()).isNull();
        live.meter(MeterReading.of(0.1, 0.03), 0);
        live.meter(MeterReading.of(0.2, 0.06), 0);

        assertThat(live.takeUnsavedReading()).isEqualTo(MeterReading.of(0.2, 0.06));
        assertThat(live.takeUnsavedReading()).isNull();
        live.meter(MeterReading.of(0.2, 0.06), 0); // a duplicate makes nothing to save
        assertThat(live.takeUnsavedReading()).isNull();
    }

    @Test
    void aCpThatNeverSuppliesIsOverdueOnlyAfterTheStartDeadline() {
        assertThat(live.overdueEnding(START_DEADLINE)).isNull();
        assertThat(live.overdueEnding(START_DEADLINE + 1)).isEqualTo(SessionEnding.START_FAILED);

        live.meter(MeterReading.of(0.1, 0.03), 0);
        assertThat(live.overdueEnding(START_DEADLINE + 1)).isNull();
    }

    @Test
    void anAskedEndingIsOverdueAfterItsOwnDeadlineAndTheFirstAskCounts() {
        live.meter(MeterReading.of(0.1, 0.03), 0);
        live.requestEnding(SessionEnding.DRIVER_STOP, 0, Duration.ofNanos(10_000L));
        live.requestEnding(SessionEnding.OPERATOR_STOP, 0, Duration.ofNanos(99_000L));

        assertThat(live.requestedEnding()).isEqualTo(SessionEnding.DRIVER_STOP);
        assertThat(live.overdueEnding(10_000L)).isNull();
        assertThat(live.overdueEnding(10_001L)).isEqualTo(SessionEnding.DRIVER_STOP);
    }

    @Test
    void whileAnEndingIsAwaitedTheStartDeadlineDoesNotApply() {
        live.requestEnding(SessionEnding.MONITOR_LOST, START_DEADLINE, Duration.ofNanos(10_000L));

        assertThat(live.overdueEnding(START_DEADLINE + 1)).isNull();
        assertThat(live.overdueEnding(START_DEADLINE + 10_001L)).isEqualTo(SessionEnding.MONITOR_LOST);
    }

    @Test
    void hearingFromTheCpAgainWithdrawsOnlyAPresumedEnding() {
        live.requestEnding(SessionEnding.MONITOR_LOST, 0, Duration.ofNanos(10_000L));

        assertThat(live.heardFromAgain()).isTrue();
        assertThat(live.requestedEnding()).isNull();
        assertThat(live.heardFromAgain()).isFalse();

        live.requestEnding(SessionEnding.OPERATOR_STOP, 0, Duration.ofNanos(20_000L));
        assertThat(live.heardFromAgain()).isFalse();
        assertThat(live.requestedEnding()).isEqualTo(SessionEnding.OPERATOR_STOP);
    }

    @Test
    void aCommandedStopReplacesAPresumedEndingButNotTheOtherWayRound() {
        live.requestEnding(SessionEnding.CENTRAL_LOST, 0, Duration.ofNanos(180_000L));
        live.requestEnding(SessionEnding.DRIVER_STOP, 5, Duration.ofNanos(10_000L));
        assertThat(live.requestedEnding()).isEqualTo(SessionEnding.DRIVER_STOP);

        live.requestEnding(SessionEnding.MONITOR_LOST, 6, Duration.ofNanos(10_000L));
        assertThat(live.requestedEnding()).isEqualTo(SessionEnding.DRIVER_STOP);
        assertThat(live.overdueEnding(10_006L)).isEqualTo(SessionEnding.DRIVER_STOP);
    }

    @Test
    void aNewTickRestartsTheWaitOfAPresumedEndingOnly() {
        live.requestEnding(SessionEnding.MONITOR_LOST, 0, Duration.ofNanos(10_000L));
        live.meter(MeterReading.of(0.1, 0.03), 8_000L);
        assertThat(live.overdueEnding(10_001L)).isNull();
        assertThat(live.overdueEnding(18_001L)).isEqualTo(SessionEnding.MONITOR_LOST);

        LiveSession stopped = new LiveSession("s2", live.cpId(), "driver_2", MeterReading.ZERO, true, 0);
        stopped.requestEnding(SessionEnding.DRIVER_STOP, 0, Duration.ofNanos(10_000L));
        stopped.meter(MeterReading.of(0.1, 0.03), 8_000L);
        assertThat(stopped.overdueEnding(10_001L)).isEqualTo(SessionEnding.DRIVER_STOP);
    }

    @Test
    void aStopCentralCommandedNamesTheTicketWhateverTheCpSays() {
        live.requestEnding(SessionEnding.OPERATOR_STOP, 0, Duration.ofNanos(10_000L));

        assertThat(live.endingFor(Optional.of(SessionEnding.UNPLUGGED))).isEqualTo(SessionEnding.OPERATOR_STOP);
        assertThat(live.endingFor(Optional.empty())).isEqualTo(SessionEnding.OPERATOR_STOP);
    }

    @Test
    void otherwiseTheCpsWordThenWhatCentralAwaitedThenUnplugged() {
        assertThat(live.endingFor(Optional.of(SessionEnding.MAX_DURATION))).isEqualTo(SessionEnding.MAX_DURATION);
        assertThat(live.endingFor(Optional.empty())).isEqualTo(SessionEnding.UNPLUGGED);

        live.requestEnding(SessionEnding.MONITOR_LOST, 0, Duration.ofNanos(10_000L));
        assertThat(live.endingFor(Optional.of(SessionEnding.MAX_DURATION))).isEqualTo(SessionEnding.MAX_DURATION);
        assertThat(live.endingFor(Optional.empty())).isEqualTo(SessionEnding.MONITOR_LOST);
    }

    @Test
    void theTicketBillsTheNewerOfTheFinalFiguresAndTheLatestReading() {
        live.meter(MeterReading.of(0.3, 0.09), 0);

        live.settle(null);
        assertThat(live.reading()).isEqualTo(MeterReading.of(0.3, 0.09));
        live.settle(MeterReading.of(0.2, 0.06));
        assertThat(live.reading()).isEqualTo(MeterReading.of(0.3, 0.09));
        live.settle(MeterReading.of(0.4, 0.12));
        assertThat(live.reading()).isEqualTo(MeterReading.of(0.4, 0.12));
    }

    @Test
    void aSessionReadBackFromTheDatabaseKeepsItsFigures() {
        ChargingSession stored = ChargingSession.authorized("s-9", "cp_009", "driver_9", new BigDecimal("0.30"), null, 0L);
        LiveSession fresh = LiveSession.of(stored, 5L);
        assertThat(fresh.isSupplying()).isFalse();
        assertThat(fresh.id()).isEqualTo("s-9");
        assertThat(fresh.cpId()).isEqualTo(CpId.of("cp_009"));
        assertThat(fresh.driverId()).isEqualTo("driver_9");
        assertThat(fresh.overdueEnding(6L)).isEqualTo(SessionEnding.START_FAILED);

        stored.meter(MeterReading.of(0.5, 0.15), 1L);
        LiveSession supplying = LiveSession.of(stored, 5L);
        assertThat(supplying.isSupplying()).isTrue();
        assertThat(supplying.reading()).isEqualTo(MeterReading.of(0.5, 0.15));
        assertThat(supplying.overdueEnding(6L)).isNull();
    }
}
