package org.evcharging.central.application;

import java.util.concurrent.atomic.AtomicInteger;

import org.evcharging.central.application.credentials.CredentialHasher;

/** A transparent stand-in for the slow hash, counting the checks so tests see how often it runs. */
final class FakeHasher implements CredentialHasher {

    final AtomicInteger checks = new AtomicInteger();

    @Override
    public String hash(String secret) {
        return "hashed:" + new StringBuilder(secret).reverse();
    }

    @Override
    public boolean matches(String secret, String hash) {
        checks.incrementAndGet();
        return hash(secret).equals(hash);
    }
}
