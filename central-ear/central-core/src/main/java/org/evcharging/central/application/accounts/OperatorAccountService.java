package org.evcharging.central.application.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.evcharging.central.domain.model.operator.OperatorAccount;
import org.evcharging.central.domain.model.operator.OperatorAccountRepository;
import org.evcharging.central.domain.model.operator.OperatorRole;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.InvalidInputException;
import org.evcharging.central.domain.shared.NotFoundException;

/**
 * Operator accounts: sign-in checks and what an admin manages. There is always at least one
 * enabled admin once the first one exists, so nobody can lock the operators out of their own system.
 */
@ApplicationScoped
@Transactional
public class OperatorAccountService {

    private static final Logger LOG = Logger.getLogger(OperatorAccountService.class.getName());

    @Inject
    OperatorAccountRepository repository;

    @Inject
    PasswordHasher hasher;

    Clock clock = Clock.systemUTC();

    private volatile String decoyHash;

    /** The enabled account these credentials sign in to, if any. */
    public Optional<OperatorAccount> verify(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<OperatorAccount> account = repository.find(username);
        if (account.isEmpty()) {
            // As slow as a wrong password: the answer time does not tell which usernames exist.
            hasher.verify(password, decoyHash());
            return Optional.empty();
        }
        boolean matches = hasher.verify(password, account.get().passwordHash());
        return matches && account.get().isEnabled() ? account : Optional.empty();
    }

    public List<OperatorAccount> all() {
        return repository.findAll();
    }

    public OperatorAccount get(String username) {
        return repository.find(username).orElseThrow(() -> new NotFoundException("No operator account " + username));
    }

    public OperatorAccount create(String username, String password, OperatorRole role) {
        OperatorAccount.checkedUsername(username);
        OperatorAccount.checkedPassword(password);
        if (role == null) {
            throw new InvalidInputException("A role is required: viewer, operator or admin");
        }
        if (repository.find(username).isPresent()) {
            throw new ConflictException("Operator account " + username + " exists already");
        }
        OperatorAccount account = new OperatorAccount(username, hasher.hash(password), role, clock.millis());
        repository.add(account);
        return account;
    }

    /** Changes role, password and/or enabled; refused when it would leave no enabled admin. */
    public OperatorAccount change(String username, AccountChange change) {
        if (change == null || change.isEmpty()) {
            throw new InvalidInputException("Nothing to change: give role, password and/or enabled");
        }
        OperatorAccount account = get(username);
        OperatorRole role = change.role() != null ? change.role() : account.role();
        boolean enabled = change.enabled() != null ? change.enabled() : account.isEnabled();
        boolean staysEnabledAdmin = enabled && role == OperatorRole.ADMIN;
        if (account.isEnabledAdmin() && !staysEnabledAdmin && repository.countEnabledAdmins() <= 1) {
            throw new ConflictException("Operator account " + username + " is the last enabled admin: it must stay one");
        }
        if (change.password() != null) {
            account.changePasswordHash(hasher.hash(OperatorAccount.checkedPassword(change.password())));
        }
        account.changeRole(role);
        account.enable(enabled);
        return account;
    }

    /**
     * On a first start (no account at all) the configured admin is created; never otherwise, so a
     * password changed through the API is not reset by the next restart. Returns whether it was.
     */
    public boolean createFirstAdmin(String username, String password) {
        if (!repository.findAll().isEmpty()) {
            return false;
        }
        if (password == null || password.isEmpty()) {
            LOG.warning("No operator account exists and no ADMIN_PASSWORD is configured: nobody can sign in"
                    + " until Central starts with one");
            return false;
        }
        create(username, password, OperatorRole.ADMIN);
        LOG.info(() -> "Created the first admin account " + username + " from the configuration");
        return true;
    }

    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = hasher.hash("decoy-password-never-used");
        }
        return decoyHash;
    }
}
