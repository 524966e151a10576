package org.evcharging.driver.accounts;

/** Central's answer to a sign-up or sign-in: accepted, or refused with words for the driver. */
public record AccountAnswer(boolean accepted, String message) {

    static AccountAnswer ok() {
        return new AccountAnswer(true, null);
    }

    static AccountAnswer refused(String message) {
        return new AccountAnswer(false, message);
    }
}
