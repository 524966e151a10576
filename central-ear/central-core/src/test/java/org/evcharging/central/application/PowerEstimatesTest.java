package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Live power from how fast cumulative energy rises between two distinct readings. */
class PowerEstimatesTest {

    private final PowerEstimates power = new PowerEstimates();
    private static final long T0 = TimeUnit.SECONDS.toNanos(1_000);

    @Test
    void oneReadingGivesNoFigureTwoGiveTheRate() {
        assertThat(power.powerKw("s-1", new BigDecimal("1.000"), T0)).isNull();

        // 0.1 kWh in 36 s is 10 kW.
        assertThat(power.powerKw("s-1", new BigDecimal("1.100"), T0 + TimeUnit.SECONDS.toNanos(36)))
                .isEqualByComparingTo("10.00");
    }

    @Test
    void aRepeatedOrOlderReadingKeepsTheLastFigure() {
        power.powerKw("s-1", new BigDecimal("1.000"), T0);
        power.powerKw("s-1", new BigDecimal("1.100"), T0 + TimeUnit.SECONDS.toNanos(36));

        assertThat(power.powerKw("s-1", new BigDecimal("1.100"), T0 + TimeUnit.SECONDS.toNanos(72)))
                .isEqualByComparingTo("10.00");
        assertThat(power.powerKw("s-1", new BigDecimal("1.050"), T0 + TimeUnit.SECONDS.toNanos(80)))
                .isEqualByComparingTo("10.00");
        // Energy rose but no time passed: no division by zero, the figure stays.
        assertThat(power.powerKw("s-1", new BigDecimal("1.200"), T0 + TimeUnit.SECONDS.toNanos(36)))
                .isEqualByComparingTo("10.00");
        // The rate is taken from the last distinct reading: 0.05 kWh in 36 s is 5 kW.
        assertThat(power.powerKw("s-1", new BigDecimal("1.150"), T0 + TimeUnit.SECONDS.toNanos(72)))
                .isEqualByComparingTo("5.00");
    }

    @Test
    void sessionsAreEstimatedApartAndEndedOnesForgotten() {
        power.powerKw("s-1", new BigDecimal("1.000"), T0);
        power.powerKw("s-2", new BigDecimal("5.000"), T0);
        assertThat(power.powerKw("s-2", new BigDecimal("5.200"), T0 + TimeUnit.SECONDS.toNanos(36)))
                .isEqualByComparingTo("20.00");

        power.retainOnly(Set.of("s-2"));

        assertThat(power.powerKw("s-1", new BigDecimal("1.100"), T0 + TimeUnit.SECONDS.toNanos(36))).isNull();
        assertThat(power.powerKw("s-2", new BigDecimal("5.200"), T0 + TimeUnit.SECONDS.toNanos(40)))
                .isEqualByComparingTo("20.00");
    }
}
