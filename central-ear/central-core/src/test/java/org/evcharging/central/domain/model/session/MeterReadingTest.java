package org.evcharging.central.domain.model.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.evcharging.central.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeterReadingTest {

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, -0.001, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aValueThatIsNotANumberAtLeastZeroIsRefused(double bad) {
        assertThatThrownBy(() -> MeterReading.of(bad, 0.1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> MeterReading.of(0.1, bad)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void energyIsKeptToTheWattHourAndCostToTheCent() {
        MeterReading reading = MeterReading.of(1.23456, 0.375);

        assertThat(reading.energyKwh()).isEqualTo(new BigDecimal("1.235"));
        assertThat(reading.cost()).isEqualTo(new BigDecimal("0.38"));
        assertThat(MeterReading.ZERO.energyKwh()).isEqualTo(new BigDecimal("0.000"));
        assertThat(MeterReading.of(0.1, 0.03)).isEqualTo(new MeterReading(new BigDecimal("0.1"), new BigDecimal("0.03")));
    }

    @Test
    void theReadingWithMoreEnergyIsTheNewer() {
        MeterReading low = MeterReading.of(0.1, 0.05);
        MeterReading high = MeterReading.of(0.2, 0.01);

        assertThat(high.isAheadOf(low)).isTrue();
        assertThat(low.isAheadOf(high)).isFalse();
        assertThat(low.isAheadOf(MeterReading.of(0.1, 0.01))).isFalse();
        // A difference below a watt-hour is no difference.
        assertThat(MeterReading.of(0.1004, 0).isAheadOf(low)).isFalse();
    }

    @Test
    void latestPicksTheNewerAndKeepsThisOneWhenLevelOrMissing() {
        MeterReading low = MeterReading.of(0.1, 0.03);
        MeterReading high = MeterReading.of(0.2, 0.06);
        MeterReading levelWithLow = MeterReading.of(0.1, 0.04);

        assertThat(low.latest(high)).isSameAs(high);
        assertThat(high.latest(low)).isSameAs(high);
        assertThat(low.latest(levelWithLow)).isSameAs(low);
        assertThat(low.latest(null)).isSameAs(low);
    }
}
