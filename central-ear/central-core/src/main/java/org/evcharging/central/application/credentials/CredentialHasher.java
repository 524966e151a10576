package org.evcharging.central.application.credentials;

/**
 * Turns a CP's secret into the slow, salted hash that is all Central keeps of it, and checks a
 * presented secret against such a hash. The server supplies a standard implementation.
 */
public interface CredentialHasher {

    String hash(String secret);

    /** False for a wrong secret and for a hash it cannot read; never throws for bad input. */
    boolean matches(String secret, String hash);
}
