package org.evcharging.central.application.accounts;

/** A slow, salted password hash (the server's security library supplies it). */
public interface PasswordHasher {

    String hash(String password);

    boolean verify(String password, String hash);
}
