package org.evcharging.central.domain.model.operator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Objects;
import java.util.regex.Pattern;

import org.evcharging.central.domain.shared.InvalidInputException;

/**
 * A person who signs in to the panel, the API or the console. Only a slow hash of the password is
 * kept; a disabled account cannot sign in but stays, so the audit log's actors keep their meaning.
 */
@Entity
@Table(name = "operator_accounts")
@NamedQuery(name = "OperatorAccount.findAll", query = "SELECT a FROM OperatorAccount a ORDER BY a.username")
@NamedQuery(name = "OperatorAccount.countEnabledAdmins",
        query = "SELECT COUNT(a) FROM OperatorAccount a WHERE a.role = :role AND a.enabled = :enabled")
public class OperatorAccount {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 128;

    @Id
    @Column(name = "username", length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private OperatorRole role;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at_ms", nullable = false)
    private long createdAtMillis;

    @Version
    @Column(name = "version")
    private long version;

    protected OperatorAccount() {
    }

    public OperatorAccount(String username, String passwordHash, OperatorRole role, long createdAtMillis) {
        this.username = checkedUsername(username);
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.role = Objects.requireNonNull(role, "role");
        this.enabled = true;
        this.createdAtMillis = createdAtMillis;
    }

    public static String checkedUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("A username is 1-64 letters, digits, '.', '_' or '-'");
        }
        return username;
    }

    /** The password rules, checked before hashing (the hash cannot tell). */
    public static String checkedPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidInputException("A password has " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH
                    + " characters");
        }
        if (password.isBlank()) {
            throw new InvalidInputException("A password cannot be blank");
        }
        return password;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public OperatorRole role() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public boolean isEnabledAdmin() {
        return enabled && role == OperatorRole.ADMIN;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
    }

    public void changeRole(OperatorRole newRole) {
        this.role = Objects.requireNonNull(newRole, "newRole");
    }

    public void enable(boolean enabled) {
        this.enabled = enabled;
    }
}
