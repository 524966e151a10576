package org.evcharging.central.domain.model.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.evcharging.api.model.SessionEnding;
import org.evcharging.api.model.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cumulative readings move a session forward once; the first ending is the one the ticket names. */
class ChargingSessionTest {

    private static final long REQUESTED = 1_000L;

    private final ChargingSession session = ChargingSession.authorized("s-1", "cp_001", "driver_1",
            new BigDecimal("0.30"), "req-1", REQUESTED);

    @Test
    void anAuthorizedSessionHasNothingMeteredAndHasNotStarted() {
        assertThat(session.state()).isEqualTo(SessionState.AUTHORIZED);
        assertThat(session.isRunning()).isTrue();
        assertThat(session.hasStarted()).isFalse();
        assertThat(session.startedAtMillis()).isNull();
        assertThat(session.startOrRequestMillis()).isEqualTo(REQUESTED);
        assertThat(session.reading()).isEqualTo(MeterReading.ZERO);
        assertThat(session.energyKwh()).isEqualByComparingTo("0");
        assertThat(session.totalCost()).isEqualByComparingTo("0");
        assertThat(session.endedAtMillis()).isNull();
        assertThat(session.endedBy()).isNull();
        assertThat(session.id()).isEqualTo("s-1");
        assertThat(session.cpId()).isEqualTo("cp_001");
        assertThat(session.driverId()).isEqualTo("driver_1");
        assertThat(session.pricePerKwh()).isEqualByComparingTo("0.30");
        assertThat(session.requestMessageId()).isEqualTo("req-1");
        assertThat(session.requestedAtMillis()).isEqualTo(REQUESTED);
        assertThat(session.belongsTo("driver_1")).isTrue();
        assertThat(session.belongsTo("driver_2")).isFalse();
    }

    @Test
    void theFirstReadingStartsTheSupplyAtThatTime() {
        assertThat(session.meter(MeterReading.of(0.1, 0.03), 2_000L)).isTrue();

        assertThat(session.state()).isEqualTo(SessionState.IN_PROGRESS);
        assertThat(session.hasStarted()).isTrue();
        assertThat(session.startedAtMillis()).isEqualTo(2_000L);
        assertThat(session.startOrRequestMillis()).isEqualTo(2_000L);

        session.meter(MeterReading.of(0.2, 0.06), 3_000L);
        assertThat(session.startedAtMillis()).isEqualTo(2_000L);
    }

    @Test
    void duplicateAndLateReadingsChangeNothing() {
        session.meter(MeterReading.of(0.2, 0.06), 2_000L);

        assertThat(session.meter(MeterReading.of(0.2, 0.06), 3_000L)).isFalse();
        assertThat(session.meter(MeterReading.of(0.1, 0.03), 4_000L)).isFalse();
        assertThat(session.meter(MeterReading.of(0.3, 0.09), 5_000L)).isTrue();

        assertThat(session.energyKwh()).isEqualByComparingTo("0.3");
        assertThat(session.totalCost()).isEqualByComparingTo("0.09");
    }

    @Test
    void aZeroReadingDoesNotStartTheSupply() {
        assertThat(session.meter(MeterReading.ZERO, 2_000L)).isFalse();
        assertThat(session.state()).isEqualTo(SessionState.AUTHORIZED);
    }

    @Test
    void onlyTheFirstEndingCountsAndNamesTheTicket() {
        session.meter(MeterReading.of(0.1, 0.03), 2_000L);

        assertThat(session.end(MeterReading.of(0.3, 0.09), SessionEnding.UNPLUGGED, 5_000L)).isTrue();
        assertThat(session.end(MeterReading.of(0.3, 0.09), SessionEnding.DRIVER_STOP, 6_000L)).isFalse();

        assertThat(session.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(session.isRunning()).isFalse();
        assertThat(session.endedBy()).isEqualTo("unplugged");
        assertThat(session.endedAtMillis()).isEqualTo(5_000L);
        assertThat(session.energyKwh()).isEqualByComparingTo("0.3");
    }

    @Test
    void aSupplyEndedWithoutFinalFiguresBillsWhatWasMetered() {
        session.meter(MeterReading.of(0.2, 0.06), 2_000L);

        assertThat(session.end(null, SessionEnding.MONITOR_LOST, 5_000L)).isTrue();

        assertThat(session.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(session.endedBy()).isEqualTo("monitor_lost");
        assertThat(session.energyKwh()).isEqualByComparingTo("0.2");
    }

    @Test
    void finalFiguresAtTheEndStartTheSupplyIfNoReadingCameBefore() {
        assertThat(session.end(MeterReading.of(0.4, 0.12), SessionEnding.UNPLUGGED, 5_000L)).isTrue();

        assertThat(session.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(session.hasStarted()).isTrue();
        assertThat(session.energyKwh()).isEqualByComparingTo("0.4");
    }

    @ParameterizedTest
    @EnumSource(value = SessionEnding.class, names = {"DRIVER_STOP", "OPERATOR_STOP"})
    void aSupplyStoppedByCentralBeforeAnyEnergyIsCancelled(SessionEnding ending) {
        assertThat(session.end(null, ending, 5_000L)).isTrue();

        assertThat(session.state()).isEqualTo(SessionState.CANCELLED);
        assertThat(session.endedBy()).isEqualTo(ending.wire());
        assertThat(session.energyKwh()).isEqualByComparingTo("0");
    }

    @ParameterizedTest
    @EnumSource(value = SessionEnding.class, names = {"DRIVER_STOP", "OPERATOR_STOP"}, mode = EnumSource.Mode.EXCLUDE)
    void aSupplyThatNeverStartedForAnyOtherReasonFailed(SessionEnding ending) {
        assertThat(session.end(MeterReading.ZERO, ending, 5_000L)).isTrue();

        assertThat(session.state()).isEqualTo(SessionState.FAILED);
        assertThat(session.endedBy()).isEqualTo(ending.wire());
        assertThat(session.hasStarted()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SessionEnding.class)
    void onceEnergyFlowedEveryEndingCompletesTheSession(SessionEnding ending) {
        session.meter(MeterReading.of(0.1, 0.03), 2_000L);

        session.end(null, ending, 5_000L);

        assertThat(session.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(session.endedBy()).isEqualTo(ending.wire());
    }

    @Test
    void anEndedSessionsTotalsAreThoseOfItsTicketAndItNeverReopens() {
        session.meter(MeterReading.of(0.2, 0.06), 2_000L);
        session.end(null, SessionEnding.ENGINE_FAULT, 5_000L);

        assertThat(session.meter(MeterReading.of(0.5, 0.15), 6_000L)).isFalse();
        assertThat(session.energyKwh()).isEqualByComparingTo("0.2");

        assertThat(session.end(MeterReading.of(0.1, 0.03), SessionEnding.UNPLUGGED, 7_000L)).isFalse();
        assertThat(session.energyKwh()).isEqualByComparingTo("0.2");
        assertThat(session.end(null, SessionEnding.UNPLUGGED, 7_000L)).isFalse();
        assertThat(session.end(MeterReading.of(0.25, 0.08), SessionEnding.UNPLUGGED, 8_000L)).isFalse();

        // The ticket said 0.2 kWh: later, higher figures do not make the bill disagree with it.
        assertThat(session.energyKwh()).isEqualByComparingTo("0.2");
        assertThat(session.totalCost()).isEqualByComparingTo("0.06");
        assertThat(session.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(session.endedBy()).isEqualTo("engine_fault");
        assertThat(session.endedAtMillis()).isEqualTo(5_000L);
    }

    @Test
    void aSessionIsIdentifiedByItsIdAlone() {
        ChargingSession same = ChargingSession.authorized("s-1", "cp_002", "driver_2", BigDecimal.ONE, null, 0L);
        ChargingSession other = ChargingSession.authorized("s-2", "cp_001", "driver_1", BigDecimal.ONE, null, 0L);

        assertThat(session).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other).isNotEqualTo("s-1");
    }

    @Test
    void aSessionNeedsItsCpDriverAndPrice() {
        assertThatThrownBy(() -> ChargingSession.authorized("s", null, "d", BigDecimal.ONE, null, 0L))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ChargingSession.authorized("s", "cp", "d", null, null, 0L))
                .isInstanceOf(NullPointerException.class);
    }
}
