package org.evcharging.central.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

import org.evcharging.central.application.credentials.CredentialHasher;
import org.evcharging.central.infrastructure.config.CentralConfig;

/**
 * CP credentials hashed by Jakarta Security's standard PBKDF2 (salted, slow, self-describing:
 * algorithm, rounds and salt travel in the stored string, so a later change of rounds still reads
 * older hashes).
 */
@ApplicationScoped
public class Pbkdf2CredentialHasher implements CredentialHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    CentralConfig config;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(config.credentialHashIterations()),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    @Override
    public String hash(String secret) {
        return pbkdf2.generate(secret.toCharArray());
    }

    @Override
    public boolean matches(String secret, String hash) {
        if (secret == null || hash == null) {
            return false;
        }
        try {
            return pbkdf2.verify(secret.toCharArray(), hash);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
