package org.evcharging.api.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PowerEstimateTest {

    @Test
    void noFigureUntilTwoDistinctReadings() {
        PowerEstimate one = PowerEstimate.none().withReading(0.01, 1_000);

        assertThat(PowerEstimate.none().kw()).isEmpty();
        assertThat(one.kw()).isEmpty();
        assertThat(one.withReading(0.01, 2_000).kw()).as("same energy again").isEmpty();
        assertThat(one.withReading(0.02, 1_000).kw()).as("same instant again").isEmpty();
    }

    @Test
    void rateBetweenTwoReadingsInKilowatts() {
        // 0.01 kWh in one second is 36 kW.
        PowerEstimate estimate = PowerEstimate.none().withReading(0.01, 1_000).withReading(0.02, 2_000);

        assertThat(estimate.kw()).hasValueCloseTo(36.0, within(1e-9));
    }

    @Test
    void aLateReadingDoesNotMakeTheFigureJump() {
        // Ticks of one second at 36 kW; the fourth arrives 900 ms late, the fifth right after it.
        PowerEstimate estimate = PowerEstimate.none()
                .withReading(0.01, 1_000).withReading(0.02, 2_000).withReading(0.03, 3_000)
                .withReading(0.04, 4_900).withReading(0.05, 5_000);

        // Between the last two alone it would be 360 kW.
        assertThat(estimate.kw().getAsDouble()).isBetween(30.0, 45.0);
    }

    @Test
    void oldReadingsLeaveTheWindowSoTheFigureFollowsAChange() {
        PowerEstimate estimate = PowerEstimate.over(Duration.ofSeconds(2));
        for (int second = 1; second <= 5; second++) {
            estimate = estimate.withReading(0.01 * second, second * 1_000L);
        }
        for (int second = 6; second <= 9; second++) {
            estimate = estimate.withReading(0.05 + 0.02 * (second - 5), second * 1_000L);
        }

        assertThat(estimate.kw()).hasValueCloseTo(72.0, within(1e-9));
    }

    @Test
    void staleOrRepeatedReadingsAreIgnored() {
        PowerEstimate estimate = PowerEstimate.none().withReading(0.01, 1_000).withReading(0.02, 2_000);

        assertThat(estimate.withReading(0.015, 2_500)).isSameAs(estimate);
        assertThat(estimate.withReading(0.02, 3_000)).isSameAs(estimate);
    }

    @Test
    void twoReadingsStayEvenWhenFartherApartThanTheWindow() {
        PowerEstimate estimate = PowerEstimate.over(Duration.ofSeconds(1)).withReading(0.0, 0).withReading(0.1, 10_000);

        assertThat(estimate.kw()).hasValueCloseTo(36.0, within(1e-9));
    }

    @Test
    void windowMustBePositive() {
        assertThatThrownBy(() -> PowerEstimate.over(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
