package org.evcharging.central.application.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle(new SignInLimits(3, 5, Duration.ofSeconds(60)));

    @Test
    void anAccountIsBlockedAtItsLimitUntilTheOldestFailureLeavesTheWindow() {
        throttle.failed("ana", "10.0.0.1", 0);
        throttle.failed("ana", "10.0.0.2", 10_000);
        assertThat(throttle.blockedFor("ana", "10.0.0.3", 10_000)).isEmpty();
        throttle.failed("ana", "10.0.0.3", 20_000);

        assertThat(throttle.blockedFor("ana", "10.0.0.9", 20_000)).contains(Duration.ofSeconds(40));
        assertThat(throttle.blockedFor("bob", "10.0.0.9", 20_000)).as("another account from elsewhere").isEmpty();
        assertThat(throttle.blockedFor("ana", "10.0.0.9", 60_000)).as("the first failure left the window").isEmpty();
    }

    @Test
    void aSourceTryingManyAccountsIsBlockedForEveryAccount() {
        for (int n = 0; n < 5; n++) {
            throttle.failed("driver" + n, "10.0.0.1", 1_000);
        }
        assertThat(throttle.blockedFor("someone_new", "10.0.0.1", 1_000)).isPresent();
        assertThat(throttle.blockedFor("someone_new", "10.0.0.2", 1_000)).isEmpty();
    }

    @Test
    void aSuccessClearsTheAccountButNotTheSource() {
        throttle.failed("ana", "10.0.0.1", 0);
        throttle.failed("ana", "10.0.0.1", 0);
        throttle.succeeded("ana");
        throttle.failed("ana", "10.0.0.1", 0);
        throttle.failed("ana", "10.0.0.1", 0);
        assertThat(throttle.blockedFor("ana", "10.0.0.2", 0)).isEmpty();

        throttle.failed("ana", "10.0.0.1", 0);
        assertThat(throttle.blockedFor("other", "10.0.0.1", 0)).as("5 failures from the source").isPresent();
    }
}
