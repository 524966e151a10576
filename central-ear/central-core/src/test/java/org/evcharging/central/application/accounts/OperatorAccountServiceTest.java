package org.evcharging.central.application.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.evcharging.central.domain.model.operator.OperatorAccount;
import org.evcharging.central.domain.model.operator.OperatorAccountRepository;
import org.evcharging.central.domain.model.operator.OperatorRole;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.InvalidInputException;
import org.evcharging.central.domain.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperatorAccountServiceTest {

    private final InMemoryAccounts repository = new InMemoryAccounts();
    private final OperatorAccountService accounts = new OperatorAccountService();

    @BeforeEach
    void wire() {
        accounts.repository = repository;
        accounts.hasher = new ReversingHasher();
    }

    @Test
    void theFirstAdminComesFromTheConfigurationOnlyWhenNoAccountExists() {
        assertThat(accounts.createFirstAdmin("root", "")).isFalse();
        assertThat(accounts.all()).isEmpty();

        assertThat(accounts.createFirstAdmin("root", "first-secret")).isTrue();
        assertThat(accounts.get("root").role()).isEqualTo(OperatorRole.ADMIN);

        accounts.change("root", new AccountChange(null, "changed-secret", null));
        assertThat(accounts.createFirstAdmin("root", "first-secret")).as("a restart keeps the changed password").isFalse();
        assertThat(accounts.verify("root", "changed-secret")).isPresent();
        assertThat(accounts.verify("root", "first-secret")).isEmpty();
    }

    @Test
    void onlyTheRightPasswordOfAnEnabledAccountSignsIn() {
        accounts.create("vera", "vera-secret", OperatorRole.VIEWER);

        assertThat(accounts.verify("vera", "vera-secret")).map(OperatorAccount::role).contains(OperatorRole.VIEWER);
        assertThat(accounts.verify("vera", "wrong-secret")).isEmpty();
        assertThat(accounts.verify("nobody", "vera-secret")).isEmpty();
        assertThat(repository.find("vera").orElseThrow().passwordHash()).as("only the hash is stored")
                .isNotEqualTo("vera-secret");

        accounts.change("vera", new AccountChange(null, null, false));
        assertThat(accounts.verify("vera", "vera-secret")).isEmpty();
    }

    @Test
    void badUsernamesPasswordsAndDuplicatesAreRefusedWithAReason() {
        assertThatThrownBy(() -> accounts.create("bad name", "long-enough", OperatorRole.OPERATOR))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("username");
        assertThatThrownBy(() -> accounts.create("otto", "short", OperatorRole.OPERATOR))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("8 to 128");
        accounts.create("otto", "long-enough", OperatorRole.OPERATOR);
        assertThatThrownBy(() -> accounts.create("otto", "long-enough", OperatorRole.OPERATOR))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> accounts.change("ghost", new AccountChange(OperatorRole.ADMIN, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.change("otto", new AccountChange(null, null, null)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDisabledNorDemoted() {
        accounts.createFirstAdmin("root", "root-secret");

        assertThatThrownBy(() -> accounts.change("root", new AccountChange(null, null, false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("last enabled admin");
        assertThatThrownBy(() -> accounts.change("root", new AccountChange(OperatorRole.OPERATOR, null, null)))
                .isInstanceOf(ConflictException.class);

        accounts.create("second", "second-secret", OperatorRole.ADMIN);
        accounts.change("root", new AccountChange(OperatorRole.OPERATOR, null, null));
        assertThat(accounts.get("root").role()).isEqualTo(OperatorRole.OPERATOR);
    }

    /** Not slow, but never the password itself: enough for the rules. */
    private static final class ReversingHasher implements PasswordHasher {
        @Override
        public String hash(String password) {
            return "rev:" + new StringBuilder(password).reverse();
        }

        @Override
        public boolean verify(String password, String hash) {
            return hash(password).equals(hash);
        }
    }

    /** The repository contract on a map; a thrown refusal rolls back in the container, so changes are copied. */
    private static final class InMemoryAccounts implements OperatorAccountRepository {
        private final Map<String, OperatorAccount> byName = new TreeMap<>();

        @Override
        public Optional<OperatorAccount> find(String username) {
            return Optional.ofNullable(byName.get(username));
        }

        @Override
        public void add(OperatorAccount account) {
            byName.put(account.username(), account);
        }

        @Override
        public List<OperatorAccount> findAll() {
            return List.copyOf(byName.values());
        }

        @Override
        public long countEnabledAdmins() {
            return byName.values().stream().filter(OperatorAccount::isEnabledAdmin).count();
        }
    }
}
