package org.evcharging.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionEndingTest {

    @Test
    void writesSnakeCase() {
        assertThat(SessionEnding.values()).extracting(SessionEnding::wire).containsExactly("unplugged", "driver_stop",
                "operator_stop", "max_duration", "engine_fault", "monitor_lost", "central_lost", "start_failed");
        for (SessionEnding ending : SessionEnding.values()) {
            assertThat(SessionEnding.fromWire(ending.wire())).contains(ending);
            assertThat(ending.description()).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"driver_stop", "DRIVER_STOP", "driver-stop", "Driver Stop", "  driver_stop "})
    void readsOtherCasesAndSeparators(String wire) {
        assertThat(SessionEnding.fromWire(wire)).contains(SessionEnding.DRIVER_STOP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "meteor", "driver__stop"})
    void knowsNothingElse(String wire) {
        assertThat(SessionEnding.fromWire(wire)).isEmpty();
        assertThat(SessionEnding.fromWire(null)).isEmpty();
    }
}
