package org.evcharging.central.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.evcharging.central.application.accounts.OperatorAccountService;
import org.evcharging.central.domain.model.operator.OperatorRole;

/**
 * Checks a username and password against the accounts. Basic authentication repeats them on every
 * request and the slow hash is meant to be slow, so a verified pair is remembered for a short
 * while — as a keyed digest, never the password — and forgotten as soon as the account changes.
 */
@ApplicationScoped
public class CredentialCheck {

    /** Who signed in. */
    public record SignedIn(String username, OperatorRole role) {
    }

    private record Verified(byte[] digest, SignedIn who, Instant until) {
    }

    @Inject
    OperatorAccountService accounts;

    @Inject
    SecurityConfig config;

    Clock clock = Clock.systemUTC();

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private byte[] key;

    @PostConstruct
    void newKey() {
        key = new byte[32];
        new SecureRandom().nextBytes(key);
    }

    public Optional<SignedIn> check(String username, String password) {
        byte[] digest = digest(username, password);
        Verified known = verified.get(username);
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(known.digest(), digest)) {
            return Optional.of(known.who());
        }
        Optional<SignedIn> who = accounts.verify(username, password).map(a -> new SignedIn(a.username(), a.role()));
        who.ifPresentOrElse(w -> verified.put(username, new Verified(digest, w, now.plus(config.verifiedCache()))),
                () -> verified.remove(username));
        return who;
    }

    /** The account changed (password, role, disabled): its next request is checked against the database. */
    public void forget(String username) {
        verified.remove(username);
    }

    private byte[] digest(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((username + '\0' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
