package org.evcharging.central.application.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottle.Limits(3, 5, Duration.ofMinutes(5), Duration.ofSeconds(60)), clock);

    @Test
    void tooManyWrongPasswordsForOneAccountLockItForAWhileFromEverySource() {
        throttle.failed("10.0.0.1", "root");
        throttle.failed("10.0.0.2", "root");
        assertThat(throttle.refusedFor("10.0.0.3", "root")).isEmpty();

        throttle.failed("10.0.0.3", "root");
        assertThat(throttle.refusedFor("10.0.0.9", "root")).contains(Duration.ofSeconds(60));
        assertThat(throttle.refusedFor("10.0.0.9", "vera")).as("other accounts still sign in").isEmpty();

        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.refusedFor("10.0.0.9", "root")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.refusedFor("10.0.0.9", "root")).isEmpty();
    }

    @Test
    void oneSourceGuessingManyAccountsIsLockedOut() {
        for (int n = 0; n < 5; n++) {
            throttle.failed("10.0.0.66", "guess" + n);
        }
        assertThat(throttle.refusedFor("10.0.0.66", "someone-else")).isPresent();
        assertThat(throttle.refusedFor("10.0.0.7", "someone-else")).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowAndBeforeASuccessDoNotCount() {
        throttle.failed("10.0.0.1", "root");
        throttle.failed("10.0.0.1", "root");
        clock.advance(Duration.ofMinutes(6));
        throttle.failed("10.0.0.1", "root");
        assertThat(throttle.refusedFor("10.0.0.1", "root")).isEmpty();

        throttle.failed("10.0.0.1", "root");
        throttle.succeeded("root");
        throttle.failed("10.0.0.1", "root");
        assertThat(throttle.refusedFor("10.0.0.1", "root")).isEmpty();
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new SignInThrottle.Limits(0, 5, Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
