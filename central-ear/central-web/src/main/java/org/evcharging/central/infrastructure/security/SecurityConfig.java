package org.evcharging.central.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evcharging.central.application.accounts.SignInThrottle;

/**
 * Who may sign in and how hard guessing is made, from MicroProfile Config (environment
 * ADMIN_USER, ADMIN_PASSWORD, SIGNIN_MAX_FAILURES_PER_ACCOUNT, ...). There is no default password:
 * without ADMIN_PASSWORD a first start creates no account.
 */
@ApplicationScoped
public class SecurityConfig {

    @Inject
    @ConfigProperty(name = "admin.user", defaultValue = "admin")
    String adminUser;

    @Inject
    @ConfigProperty(name = "admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "password.hash.iterations")
    int hashIterations;

    @Inject
    @ConfigProperty(name = "signin.max.failures.per.account")
    int maxFailuresPerAccount;

    @Inject
    @ConfigProperty(name = "signin.max.failures.per.source")
    int maxFailuresPerSource;

    @Inject
    @ConfigProperty(name = "signin.failure.window.seconds")
    long failureWindowSeconds;

    @Inject
    @ConfigProperty(name = "signin.lockout.seconds")
    long lockoutSeconds;

    @Inject
    @ConfigProperty(name = "signin.verified.cache.seconds")
    long verifiedCacheSeconds;

    @Inject
    @ConfigProperty(name = "signin.audit.quiet.seconds")
    long signInAuditQuietSeconds;

    public String adminUser() {
        return adminUser;
    }

    public Optional<String> adminPassword() {
        return adminPassword;
    }

    public int hashIterations() {
        return hashIterations;
    }

    public SignInThrottle.Limits signInLimits() {
        return new SignInThrottle.Limits(maxFailuresPerAccount, maxFailuresPerSource,
                Duration.ofSeconds(failureWindowSeconds), Duration.ofSeconds(lockoutSeconds));
    }

    /** How long a checked password is trusted without hashing it again (Basic sends it on every request). */
    public Duration verifiedCache() {
        return Duration.ofSeconds(verifiedCacheSeconds);
    }

    /** A successful sign-in of the same account from the same source is audited once per this period. */
    public Duration signInAuditQuiet() {
        return Duration.ofSeconds(signInAuditQuietSeconds);
    }
}
