package org.evcharging.driver.accounts;

import jakarta.enterprise.context.RequestScoped;

/** Why this request's sign-in failed, in words for the driver. */
@RequestScoped
public class SignInProblem {

    private String message;

    void set(String message) {
        this.message = message;
    }

    public String message() {
        return message == null ? "Wrong driver id or password." : message;
    }
}
