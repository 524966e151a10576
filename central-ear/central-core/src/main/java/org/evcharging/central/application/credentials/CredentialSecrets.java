package org.evcharging.central.application.credentials;

import java.security.SecureRandom;
import java.util.Base64;

/** New CP secrets: 256 random bits, URL-safe text, so they travel in JSON, env files and URLs unchanged. */
public final class CredentialSecrets {

    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CredentialSecrets() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
