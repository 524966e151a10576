package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.MeterReading;
import org.evcharging.central.domain.shared.NotFoundException;
import org.junit.jupiter.api.Test;

/** What the operator reads: every CP with its live supply, and sessions with their live figures. */
class OperatorQueriesTest {

    private final CoreFixture central = new CoreFixture();

    @Test
    void everyCpIsListedByIdWithTheLiveFiguresOfItsSupply() {
        central.activeCp("cp_002");
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_002", "driver_7");
        central.sessions.reading(session.id(), MeterReading.of(0.2, 0.06));

        List<ChargingPointStatus> all = central.queries.chargingPoints(null);

        assertThat(all).extracting(status -> status.chargingPoint().id().value()).containsExactly("cp_001", "cp_002");
        assertThat(all.get(0).charge()).isNull();
        assertThat(all.get(1).charge()).satisfies(charge -> {
            assertThat(charge.sessionId()).isEqualTo(session.id());
            assertThat(charge.driverId()).isEqualTo("driver_7");
            assertThat(charge.energyKwh()).isEqualByComparingTo("0.2");
            assertThat(charge.cost()).isEqualByComparingTo("0.06");
            assertThat(charge.supplying()).isTrue();
            assertThat(charge.powerKw()).isNull(); // one reading seen so far: no guess
        });
    }

    @Test
    void theListCanBeFilteredByState() {
        central.activeCp("cp_001");
        central.activeCp("cp_002");
        central.activeCp("cp_003");
        central.charge("cp_002", "driver_1");
        central.operator.stop(CpId.of("cp_003"));

        assertThat(central.queries.chargingPoints(ChargingPointState.CHARGING))
                .extracting(status -> status.chargingPoint().id().value()).containsExactly("cp_002");
        assertThat(central.queries.chargingPoints(ChargingPointState.ACTIVE))
                .extracting(status -> status.chargingPoint().id().value()).containsExactly("cp_001");
        assertThat(central.queries.chargingPoints(ChargingPointState.FAULTY)).isEmpty();
    }

    @Test
    void oneCpShowsItsSupplyUntilItEnds() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");

        ChargingPointStatus charging = central.queries.chargingPoint(CpId.of("cp_001"));
        assertThat(charging.chargingPoint().state()).isEqualTo(ChargingPointState.CHARGING);
        assertThat(charging.charge().supplying()).isFalse();
        assertThat(charging.charge().energyKwh()).isEqualByComparingTo("0");

        central.sessions.completion(session.id(), MeterReading.of(0.3, 0.09), Optional.of(SessionEnding.UNPLUGGED));

        ChargingPointStatus free = central.queries.chargingPoint(CpId.of("cp_001"));
        assertThat(free.chargingPoint().state()).isEqualTo(ChargingPointState.ACTIVE);
        assertThat(free.charge()).isNull();
        assertThatThrownBy(() -> central.queries.chargingPoint(CpId.of("cp_404"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSessionsLiveFiguresComeFromMemoryAndStopWhenItEnds() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(0.4, 0.12));

        assertThat(central.queries.liveCharge(session.id())).hasValueSatisfying(live -> {
            assertThat(live.energyKwh()).isEqualByComparingTo("0.4");
            assertThat(live.supplying()).isTrue();
        });
        // Not flushed yet: the database still has the request's figures.
        assertThat(central.queries.session(session.id()).energyKwh()).isEqualByComparingTo("0");

        central.sessions.completion(session.id(), MeterReading.of(0.5, 0.15), Optional.empty());

        assertThat(central.queries.liveCharge(session.id())).isEmpty();
        assertThat(central.queries.session(session.id()).energyKwh()).isEqualByComparingTo("0.5");
        assertThat(central.queries.liveCharge("no-such-session")).isEmpty();
        assertThatThrownBy(() -> central.queries.session("no-such-session"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-session");
    }

    @Test
    void theMostRecentSessionsComeFirstUpToTheLimit() {
        central.activeCp("cp_001");
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            ChargingSession session = central.charge("cp_001", "driver_" + i);
            central.sessions.completion(session.id(), MeterReading.of(0.1, 0.03), Optional.empty());
            ids[i] = session.id();
            central.advanceSeconds(10);
        }

        assertThat(central.queries.sessions(2)).extracting(ChargingSession::id).containsExactly(ids[2], ids[1]);
        assertThat(central.queries.sessions(10)).hasSize(3);
    }

    @Test
    void theLivePowerIsTheRateAtWhichEnergyRisesAndADuplicateDoesNotChangeIt() {
        central.activeCp("cp_001");
        ChargingSession session = central.charge("cp_001", "driver_1");
        central.sessions.reading(session.id(), MeterReading.of(1.0, 0.30));
        central.advanceSeconds(36);
        central.sessions.reading(session.id(), MeterReading.of(1.1, 0.33)); // 0.1 kWh in 36 s: 10 kW

        assertThat(central.queries.liveCharge(session.id()).orElseThrow().powerKw()).isEqualByComparingTo("10.00");

        central.advanceSeconds(36);
        central.sessions.reading(session.id(), MeterReading.of(1.1, 0.33)); // the same tick again, by Kafka
        assertThat(central.queries.chargingPoint(CpId.of("cp_001")).charge().powerKw()).isEqualByComparingTo("10.00");

        central.sessions.reading(session.id(), MeterReading.of(1.15, 0.35)); // 0.05 kWh in 36 s: 5 kW
        assertThat(central.queries.liveCharge(session.id()).orElseThrow().powerKw()).isEqualByComparingTo("5.00");
    }
}
