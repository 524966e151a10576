package org.evcharging.central.domain.model.chargingpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.evcharging.central.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CpIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"cp_001", "CP-7", "site.a:3", "x"})
    void printableIdsAreAccepted(String value) {
        assertThat(CpId.of(value).value()).isEqualTo(value);
        assertThat(CpId.of(value)).hasToString(value).isEqualTo(new CpId(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "cp 001", "cp/001", "cp\n1", "cp;drop"})
    void blankOrUnprintableIdsAreRefused(String value) {
        assertThatThrownBy(() -> CpId.of(value)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Invalid CP id");
    }

    @Test
    void anIdLongerThanTheLimitIsRefused() {
        assertThat(CpId.of("a".repeat(CpId.MAX_LENGTH)).value()).hasSize(CpId.MAX_LENGTH);
        assertThatThrownBy(() -> CpId.of("a".repeat(CpId.MAX_LENGTH + 1))).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "ALL", "All"})
    void allIsReservedForEveryCp(String value) {
        assertThatThrownBy(() -> CpId.of(value)).isInstanceOf(InvalidInputException.class).hasMessageContaining("reserved");
    }

    @Test
    void nullIsABug() {
        assertThatThrownBy(() -> CpId.of(null)).isInstanceOf(NullPointerException.class);
    }
}
