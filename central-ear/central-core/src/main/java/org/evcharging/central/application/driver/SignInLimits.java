package org.evcharging.central.application.driver;

import java.time.Duration;

/**
 * How many failed sign-ins are tolerated within {@code window}, per account (guessing one
 * driver's password) and per source address (trying many accounts from one place).
 */
public record SignInLimits(int perAccount, int perSource, Duration window) {

    public SignInLimits {
        if (perAccount < 1 || perSource < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("Sign-in limits must be positive: " + perAccount + ", " + perSource + ", " + window);
        }
    }
}
