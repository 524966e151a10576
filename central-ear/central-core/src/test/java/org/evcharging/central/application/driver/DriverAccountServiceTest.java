package org.evcharging.central.application.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evcharging.central.application.accounts.MovableClock;
import org.evcharging.central.application.accounts.PasswordHasher;
import org.evcharging.central.application.accounts.SignInThrottle;
import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.domain.model.driver.DriverAccount;
import org.evcharging.central.domain.model.driver.DriverAccountRepository;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DriverAccountServiceTest {

    private final Map<String, DriverAccount> stored = new HashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final MovableClock clock = new MovableClock();
    private DriverAccountService service;

    @BeforeEach
    void setUp() {
        service = new DriverAccountService();
        service.accounts = new DriverAccountRepository() {
            @Override
            public Optional<DriverAccount> find(String driverId) {
                return Optional.ofNullable(stored.get(driverId));
            }

            @Override
            public void add(DriverAccount account) {
                stored.put(account.driverId(), account);
            }
        };
        // Reversible on purpose: these tests are about the rules, not the hash (a library's job).
        service.hasher = new PasswordHasher() {
            @Override
            public String hash(String password) {
                return "hashed:" + new StringBuilder(password).reverse();
            }

            @Override
            public boolean verify(String password, String storedHash) {
                return hash(password).equals(storedHash);
            }
        };
        service.audit = audit::add;
        service.settings = () -> new SignInThrottle.Limits(3, 10, Duration.ofMinutes(5), Duration.ofMinutes(5));
        service.clock = clock;
        service.init();
    }

    @Test
    void aDriverSignsUpThenSignsInWithTheirPasswordOnlyAndTheHashIsStoredNotThePassword() {
        service.signUp("ana", "correct horse", "10.0.0.1");

        assertThat(stored.get("ana").passwordHash()).isNotEqualTo("correct horse");
        assertThat(service.signIn("ana", "correct horse", "10.0.0.1").signedIn()).isTrue();
        SignInResult wrong = service.signIn("ana", "wrong horse", "10.0.0.1");
        assertThat(wrong.outcome()).isEqualTo(SignInResult.Outcome.WRONG_CREDENTIALS);
        assertThat(wrong.message()).isEqualTo("Wrong driver id or password.");
        assertThat(service.signIn("nobody", "correct horse", "10.0.0.1").message())
                .as("an unknown id gets the same answer").isEqualTo(wrong.message());
    }

    @Test
    void anIdThatAlreadyHasAnAccountCannotBeTaken() {
        service.signUp("ana", "correct horse", "10.0.0.1");

        assertThatThrownBy(() -> service.signUp("ana", "another password", "10.0.0.2"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already taken");
        assertThat(service.signIn("ana", "correct horse", "10.0.0.1").signedIn()).isTrue();
    }

    @Test
    void badIdsAndShortPasswordsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> service.signUp("ana smith", "correct horse", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> service.signUp("ana", "short", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 8");
        assertThat(stored).isEmpty();
    }

    @Test
    void afterTooManyFailuresEvenTheRightPasswordWaitsAndTheDriverIsToldHowLong() {
        service.signUp("ana", "correct horse", "10.0.0.1");
        for (int n = 0; n < 3; n++) {
            service.signIn("ana", "guess" + n, "10.0.0.66");
        }

        SignInResult blocked = service.signIn("ana", "correct horse", "10.0.0.1");
        assertThat(blocked.outcome()).isEqualTo(SignInResult.Outcome.THROTTLED);
        assertThat(blocked.message()).isEqualTo("Too many failed sign-ins. Try again in 300 s.");
        assertThat(blocked.retryAfter()).isEqualTo(Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(5));
        assertThat(service.signIn("ana", "correct horse", "10.0.0.1").signedIn()).isTrue();
    }

    @Test
    void everyAttemptIsAuditedWithItsSourceAndNeverThePassword() {
        service.signUp("ana", "correct horse", "10.0.0.1");
        service.signIn("ana", "wrong horse", "10.0.0.2");
        service.signIn("ana", "correct horse", "10.0.0.3");

        assertThat(audit).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::sourceIp, AuditEntry::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("driver.sign-up", "ana", "10.0.0.1", AuditEntry.Outcome.DONE),
                        org.assertj.core.groups.Tuple.tuple("driver.sign-in", "ana", "10.0.0.2", AuditEntry.Outcome.REFUSED),
                        org.assertj.core.groups.Tuple.tuple("driver.sign-in", "ana", "10.0.0.3", AuditEntry.Outcome.DONE));
        assertThat(audit).allSatisfy(e -> assertThat(e.toString()).doesNotContain("horse"));
    }
}
