package org.evcharging.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evcharging.api.model.SessionState.AUTHORIZED;
import static org.evcharging.api.model.SessionState.CANCELLED;
import static org.evcharging.api.model.SessionState.COMPLETED;
import static org.evcharging.api.model.SessionState.FAILED;
import static org.evcharging.api.model.SessionState.IN_PROGRESS;

import org.junit.jupiter.api.Test;

class SessionStateTest {

    @Test
    void usesTheWireStringsOfTheSessionsTable() {
        assertThat(SessionState.values()).extracting(SessionState::wire).containsExactly(
                "authorized", "in_progress", "completed", "cancelled", "failed");
        for (SessionState state : SessionState.values()) {
            assertThat(SessionState.fromWire(state.wire())).contains(state);
        }
        assertThat(SessionState.fromWire("IN_PROGRESS")).isEmpty();
        assertThat(SessionState.fromWire(null)).isEmpty();
    }

    @Test
    void completedCancelledAndFailedAreTerminal() {
        assertThat(SessionState.values()).filteredOn(SessionState::isTerminal)
                .containsExactlyInAnyOrder(COMPLETED, CANCELLED, FAILED);
    }

    @Test
    void lateTelemetryCannotReopenACompletedSession() {
        assertThat(COMPLETED.canTransitionTo(IN_PROGRESS)).isFalse();
        assertThat(COMPLETED.canTransitionTo(COMPLETED)).isTrue();
    }

    @Test
    void followsTheNormalLifeOfASession() {
        assertThat(AUTHORIZED.canTransitionTo(IN_PROGRESS)).isTrue();
        assertThat(IN_PROGRESS.canTransitionTo(COMPLETED)).isTrue();
    }

    @Test
    void onceEnergyFlowsTheSessionCanOnlyComplete() {
        assertThat(IN_PROGRESS.canTransitionTo(COMPLETED)).isTrue();
        assertThat(IN_PROGRESS.canTransitionTo(CANCELLED)).isFalse();
        assertThat(IN_PROGRESS.canTransitionTo(FAILED)).isFalse();
        assertThatThrownBy(() -> IN_PROGRESS.moveTo(FAILED)).isInstanceOf(IllegalStateException.class);
        assertThat(SessionState.unfinished()).containsExactlyInAnyOrder(AUTHORIZED, IN_PROGRESS);
    }

    @Test
    void aSessionThatNeverStartedCanBeCancelledOrFail() {
        assertThat(AUTHORIZED.canTransitionTo(CANCELLED)).isTrue();
        assertThat(AUTHORIZED.canTransitionTo(FAILED)).isTrue();
        assertThat(AUTHORIZED.moveTo(IN_PROGRESS)).isEqualTo(IN_PROGRESS);
    }
}
