package org.evcharging.central.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

import org.evcharging.central.application.accounts.PasswordHasher;

/**
 * Passwords as salted PBKDF2-HMAC-SHA512 from Jakarta Security. Each stored hash carries its own
 * algorithm, iterations and salt, so raising the iterations later still verifies the old ones.
 */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    SecurityConfig config;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(config.hashIterations()),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32", "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    }

    @Override
    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    @Override
    public boolean verify(String password, String hash) {
        try {
            return pbkdf2.verify(password.toCharArray(), hash);
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }
}
