package org.evcharging.central.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

import org.evcharging.central.application.accounts.SignInThrottle;

/** One sign-in throttle for the whole server, with the configured limits. */
@ApplicationScoped
public class SignInThrottleProducer {

    // A singleton, not application-scoped: the throttle is a final class, which CDI cannot proxy.
    @Produces
    @Singleton
    SignInThrottle throttle(SecurityConfig config) {
        return new SignInThrottle(config.signInLimits(), Clock.systemUTC());
    }
}
