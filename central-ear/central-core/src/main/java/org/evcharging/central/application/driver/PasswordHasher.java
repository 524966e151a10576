package org.evcharging.central.application.driver;

/** A slow, salted password hash from a library; the stored form names its own parameters. */
public interface PasswordHasher {

    String hash(char[] password);

    boolean verify(char[] password, String storedHash);
}
