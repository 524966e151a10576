package org.evcharging.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class MeteringTest {

    @Test
    void theDefaultsGiveTheFirstImplementationsHundredthOfAKilowattHourPerSecond() {
        Metering metering = Metering.of(36, Duration.ofSeconds(1), Duration.ofSeconds(30));

        assertThat(metering.kwhPerTick()).isEqualTo(0.01);
        assertThat(metering.maxTicks()).isEqualTo(30);
    }

    @Test
    void energyIsTicksTimesTheIncrementWithoutDrift() {
        Supply supply = Supply.authorized("s", "cp", "d", 0.2, true);
        for (int i = 0; i < 29; i++) {
            supply = supply.metered(0.01);
        }

        assertThat(supply.seq()).isEqualTo(29);
        assertThat(supply.telemetry().energyConsumedKwh()).isEqualTo(0.29);
        assertThat(supply.telemetry().totalCost()).isEqualTo(0.06);
    }

    @Test
    void messagesRoundLikePython() {
        assertThat(Metering.costForMessage(0.125)).isEqualTo(0.12);
        assertThat(Metering.costForMessage(0.015)).isEqualTo(0.01);
        assertThat(Metering.energyForMessage(0.07000000000000001)).isEqualTo(0.07);
    }

    @Test
    void aShortMaximumStillAllowsOneTick() {
        assertThat(Metering.of(36, Duration.ofSeconds(1), Duration.ofMillis(10)).maxTicks()).isEqualTo(1);
        assertThat(Metering.of(36, Duration.ofMillis(100), Duration.ofMillis(450)).maxTicks()).isEqualTo(5);
    }
}
