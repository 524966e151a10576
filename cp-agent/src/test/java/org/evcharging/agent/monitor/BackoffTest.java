package org.evcharging.agent.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void stepsDoubleUpToTheMaximumAndStartAgainAfterAReset() {
        Backoff longest = new Backoff(Duration.ofSeconds(3), bound -> bound - 1);
        assertThat(longest.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(longest.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(longest.next()).isEqualTo(Duration.ofSeconds(2));
        assertThat(longest.next()).isEqualTo(Duration.ofSeconds(3));
        assertThat(longest.next()).isEqualTo(Duration.ofSeconds(3));
        longest.reset();
        assertThat(longest.next()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void eachWaitIsAtLeastHalfItsStep() {
        Backoff shortest = new Backoff(Duration.ofSeconds(3), bound -> 0);
        assertThat(shortest.next()).isEqualTo(Duration.ofMillis(250));
        assertThat(shortest.next()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void monitorsThatLostTheirCentralTogetherDoNotAllComeBackTogether() {
        Set<Duration> firstWaits = new HashSet<>();
        for (int monitor = 0; monitor < 100; monitor++) {
            Duration wait = new Backoff(Duration.ofSeconds(5)).next();
            assertThat(wait).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
            firstWaits.add(wait);
        }
        assertThat(firstWaits).hasSizeGreaterThan(50);
    }
}
