package org.evcharging.central.domain.model.driver;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;
import java.util.regex.Pattern;

import org.evcharging.central.domain.shared.InvalidInputException;

/**
 * A driver's account for the portal: their id and the slow hash of their password, never the
 * password itself. Terminal drivers speak the course protocol over Kafka and have no account.
 */
@Entity
@Table(name = "driver_accounts")
public class DriverAccount {

    /** Ids travel in JSON records and URLs: the portal and the wire accept the same plain set. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 128;

    @Id
    @Column(name = "driver_id", length = 64)
    private String driverId;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "created_at_ms", nullable = false)
    private long createdAtMs;

    protected DriverAccount() {
        // for JPA
    }

    public DriverAccount(String driverId, String passwordHash, long createdAtMs) {
        this.driverId = requireValidId(driverId);
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.createdAtMs = createdAtMs;
    }

    public static String requireValidId(String driverId) {
        if (driverId == null || !ID.matcher(driverId).matches()) {
            throw new InvalidInputException("A driver id is 1 to 64 letters, digits or _ . : -");
        }
        return driverId;
    }

    /** Long enough to resist guessing; capped so hashing cannot be abused to burn CPU. */
    public static void requireAcceptablePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidInputException("A password has at most " + MAX_PASSWORD_LENGTH + " characters");
        }
    }

    public String driverId() {
        return driverId;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public long createdAtMs() {
        return createdAtMs;
    }
}
