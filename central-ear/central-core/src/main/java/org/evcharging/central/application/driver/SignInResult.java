package org.evcharging.central.application.driver;

import java.time.Duration;

/** What came of a sign-in: a refusal is an expected answer, not an error. */
public record SignInResult(Outcome outcome, String message, Duration retryAfter) {

    public enum Outcome { SIGNED_IN, WRONG_CREDENTIALS, THROTTLED }

    static SignInResult signedIn(String driverId) {
        return new SignInResult(Outcome.SIGNED_IN, "Signed in as " + driverId, Duration.ZERO);
    }

    /** The same words for an unknown id and a wrong password: the answer must not reveal which ids exist. */
    static SignInResult wrongCredentials() {
        return new SignInResult(Outcome.WRONG_CREDENTIALS, "Wrong driver id or password.", Duration.ZERO);
    }

    static SignInResult throttled(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new SignInResult(Outcome.THROTTLED,
                "Too many failed sign-ins. Try again in " + seconds + " s.", Duration.ofSeconds(seconds));
    }

    public boolean signedIn() {
        return outcome == Outcome.SIGNED_IN;
    }
}
