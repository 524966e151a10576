package org.evcharging.central.application.driver;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.evcharging.central.application.accounts.PasswordHasher;
import org.evcharging.central.application.accounts.SignInThrottle;
import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.application.audit.AuditTrail;
import org.evcharging.central.domain.model.driver.DriverAccount;
import org.evcharging.central.domain.model.driver.DriverAccountRepository;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.DomainException;

/**
 * Driver accounts of the portal: sign-up with a chosen id and password, and sign-in checked
 * against the stored hash, with failed attempts limited per account and per source. Every attempt
 * lands in the audit trail. {@code source} is the browser's address as the portal saw it.
 */
@ApplicationScoped
// A refusal is recorded in the audit trail, in this transaction: it must not be rolled back with it.
@Transactional(dontRollbackOn = DomainException.class)
public class DriverAccountService {

    static final String SIGN_UP = "driver.sign-up";
    static final String SIGN_IN = "driver.sign-in";

    @Inject
    DriverAccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditTrail audit;

    @Inject
    DriverSignInSettings settings;

    Clock clock = Clock.systemUTC();
    private SignInThrottle throttle;

    @PostConstruct
    void init() {
        throttle = new SignInThrottle(settings.signInLimits(), clock);
    }

    /** Creates the account; InvalidInputException for a bad id or password, ConflictException if the id is taken. */
    public void signUp(String driverId, String password, String source) {
        try {
            DriverAccount.requireValidId(driverId);
            DriverAccount.requireAcceptablePassword(password);
            if (accounts.find(driverId).isPresent()) {
                throw new ConflictException(
                        "The driver id " + driverId + " is already taken: choose another one, or sign in");
            }
            accounts.add(new DriverAccount(driverId, hasher.hash(password), clock.millis()));
        } catch (DomainException refused) {
            audit.record(AuditEntry.refused(actor(driverId), source, SIGN_UP, null, refused.getMessage()));
            throw refused;
        }
        audit.record(AuditEntry.done(driverId, source, SIGN_UP, null));
    }

    public SignInResult signIn(String driverId, String password, String source) {
        String actor = actor(driverId);
        Optional<Duration> wait = throttle.refusedFor(source, actor);
        if (wait.isPresent()) {
            SignInResult result = SignInResult.throttled(wait.get());
            audit.record(AuditEntry.refused(actor, source, SIGN_IN, null, result.message()));
            return result;
        }
        boolean valid = password != null && password.length() <= DriverAccount.MAX_PASSWORD_LENGTH
                && accounts.find(actor).map(a -> hasher.verify(password, a.passwordHash())).orElse(false);
        if (!valid) {
            throttle.failed(source, actor);
            audit.record(AuditEntry.refused(actor, source, SIGN_IN, null, "wrong driver id or password"));
            return SignInResult.wrongCredentials();
        }
        throttle.succeeded(actor);
        audit.record(AuditEntry.done(actor, source, SIGN_IN, null));
        return SignInResult.signedIn(actor);
    }

    /** The audit log's actor: what was claimed, kept short and never null. */
    private static String actor(String driverId) {
        if (driverId == null || driverId.isBlank()) {
            return "(none)";
        }
        return driverId.length() > 64 ? driverId.substring(0, 64) + "..." : driverId;
    }
}
