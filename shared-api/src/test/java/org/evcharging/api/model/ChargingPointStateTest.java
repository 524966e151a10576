package org.evcharging.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evcharging.api.model.ChargingPointState.ACTIVE;
import static org.evcharging.api.model.ChargingPointState.CHARGING;
import static org.evcharging.api.model.ChargingPointState.DISCONNECTED;
import static org.evcharging.api.model.ChargingPointState.FAULTY;
import static org.evcharging.api.model.ChargingPointState.STOPPED;

import org.evcharging.api.model.ChargingPointState.PanelColour;
import org.junit.jupiter.api.Test;

class ChargingPointStateTest {

    @Test
    void showsEachStateInItsPanelColour() {
        assertThat(ACTIVE.colour()).isEqualTo(PanelColour.GREEN);
        assertThat(CHARGING.colour()).isEqualTo(PanelColour.GREEN);
        assertThat(STOPPED.colour()).isEqualTo(PanelColour.ORANGE);
        assertThat(FAULTY.colour()).isEqualTo(PanelColour.RED);
        assertThat(DISCONNECTED.colour().css()).isEqualTo("grey");
    }

    @Test
    void labelsAStoppedPointOutOfOrder() {
        assertThat(STOPPED.label()).isEqualTo("Out of Order");
    }

    @Test
    void onlyAnActivePointAcceptsACharge() {
        for (ChargingPointState state : ChargingPointState.values()) {
            assertThat(state.acceptsNewCharge()).as(state.name()).isEqualTo(state == ACTIVE);
        }
    }

    @Test
    void entersChargingFromActiveOrWhenAMonitorReturnsOrAnOperatorResumesMidSupply() {
        for (ChargingPointState state : ChargingPointState.values()) {
            boolean expected = state != FAULTY;
            assertThat(state.canTransitionTo(CHARGING)).as(state.name()).isEqualTo(expected);
        }
    }

    @Test
    void losingTheMonitorIsPossibleFromAnyState() {
        for (ChargingPointState state : ChargingPointState.values()) {
            assertThat(state.canTransitionTo(DISCONNECTED)).as(state.name()).isTrue();
        }
    }

    @Test
    void anOperatorResumeShowsTheTruthBehindTheStop() {
        assertThat(STOPPED.canTransitionTo(FAULTY)).isTrue();
        assertThat(STOPPED.canTransitionTo(ACTIVE)).isTrue();
        assertThat(FAULTY.canTransitionTo(STOPPED)).isTrue();
    }

    @Test
    void aFaultyPointIsRepairedBeforeItChargesAgain() {
        assertThat(FAULTY.canTransitionTo(CHARGING)).isFalse();
        assertThatThrownBy(() -> FAULTY.moveTo(CHARGING)).isInstanceOf(IllegalStateException.class);
        assertThat(FAULTY.moveTo(ACTIVE)).isEqualTo(ACTIVE);
    }

    @Test
    void aReturningMonitorReportsWhatItIs() {
        assertThat(DISCONNECTED.canTransitionTo(ACTIVE)).isTrue();
        assertThat(DISCONNECTED.canTransitionTo(FAULTY)).isTrue();
        assertThat(DISCONNECTED.canTransitionTo(STOPPED)).isTrue();
    }

    @Test
    void reReportingAStateIsAllowed() {
        for (ChargingPointState state : ChargingPointState.values()) {
            assertThat(state.canTransitionTo(state)).isTrue();
        }
    }

    @Test
    void readsExactlyTheWireStrings() {
        for (ChargingPointState state : ChargingPointState.values()) {
            assertThat(ChargingPointState.fromWire(state.wire())).contains(state);
        }
        assertThat(ChargingPointState.fromWire("active")).isEmpty();
        assertThat(ChargingPointState.fromWire(null)).isEmpty();
    }
}
