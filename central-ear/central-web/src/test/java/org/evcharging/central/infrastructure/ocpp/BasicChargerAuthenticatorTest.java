package org.evcharging.central.infrastructure.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.evcharging.central.application.ChargingPointService;
import org.evcharging.central.application.accounts.SignInThrottle;
import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.application.credentials.CredentialHasher;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.infrastructure.ocpp.ChargerAuthenticator.Handshake;
import org.evcharging.central.infrastructure.ocpp.ChargerAuthenticator.Outcome;
import org.evcharging.central.infrastructure.ocpp.ChargerAuthenticator.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Security profiles 1 and 2 at the handshake, with the real throttle and Admission rule. */
class BasicChargerAuthenticatorTest {

    private static final CpId WALLBOX = CpId.of("wallbox_1");
    private static final String IP = "10.0.0.7";

    private final Map<CpId, ChargingPoint> cps = new HashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final AtomicInteger hashes = new AtomicInteger();
    private BasicChargerAuthenticator authenticator;

    @BeforeEach
    void setUp() {
        authenticator = new BasicChargerAuthenticator();
        authenticator.chargingPoints = new ChargingPointService() {
            @Override
            public Optional<ChargingPoint> find(CpId id) {
                return Optional.ofNullable(cps.get(id));
            }
        };
        authenticator.hasher = new CredentialHasher() {
            @Override
            public String hash(String secret) {
                return "h:" + secret;
            }

            @Override
            public boolean matches(String secret, String hash) {
                hashes.incrementAndGet();
                return hash(secret).equals(hash);
            }
        };
        authenticator.throttle = new SignInThrottle(new SignInThrottle.Limits(3, 100, Duration.ofMinutes(5), Duration.ofMinutes(1)),
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
        authenticator.audit = audit::add;
    }

    private ChargingPoint authorized(String secret) {
        ChargingPoint cp = ChargingPoint.registeredByOperator(WALLBOX, "Yard", BigDecimal.ONE, 0);
        cp.credentialIssued("h:" + secret);
        cps.put(WALLBOX, cp);
        return cp;
    }

    private static Optional<String> basic(String user, String password) {
        return Optional.of("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private Verdict connect(Optional<String> authorization, boolean secure) {
        return authenticator.admits(new Handshake(WALLBOX, authorization, IP, secure));
    }

    @Test
    void anAuthorizedChargerIsAdmittedByItsCredentialHashedOnceAndOnlyByIt() {
        authorized("s3cret");

        assertThat(connect(basic("wallbox_1", "s3cret"), false).admitted()).isTrue();
        assertThat(hashes).hasValue(1);
        assertThat(audit).isEmpty();

        Verdict wrong = connect(basic("wallbox_1", "guess"), false);
        assertThat(wrong.outcome()).isEqualTo(Outcome.UNAUTHORIZED);
        assertThat(wrong.message()).isEqualTo("Authentication refused for charging point wallbox_1: wrong credential");
        Verdict missing = connect(Optional.empty(), false);
        assertThat(missing.message()).endsWith("no credential presented");
        Verdict anotherId = connect(basic("wallbox_2", "s3cret"), false);
        assertThat(anotherId.outcome()).as("the username must be the id in the URL").isEqualTo(Outcome.UNAUTHORIZED);

        assertThat(audit).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.REFUSED);
            assertThat(entry.actor()).isEqualTo("cp:wallbox_1");
            assertThat(entry.sourceIp()).isEqualTo(IP);
            assertThat(entry.action()).isEqualTo("ocpp.connect");
        });
    }

    @Test
    void unknownPendingAndLegacyChargersConnectWithoutCredentials() {
        assertThat(connect(Optional.empty(), false).admitted()).as("unknown: boots and waits").isTrue();
        cps.put(WALLBOX, ChargingPoint.firstSeen(WALLBOX, false, 0));
        assertThat(connect(Optional.empty(), false).admitted()).as("pending").isTrue();
        authorized("s3cret").legacy(true);
        assertThat(connect(Optional.empty(), false).admitted()).as("legacy").isTrue();
        assertThat(audit).isEmpty();
    }

    @Test
    void aChargerWhoseCredentialWasRevokedIsRefused() {
        authorized("s3cret").credentialRevoked();

        assertThat(connect(basic("wallbox_1", "s3cret"), false).message()).contains("never issued or revoked");
    }

    @Test
    void wrongPasswordsAreThrottledEvenTheRightOneThen() {
        authorized("s3cret");
        for (int i = 0; i < 3; i++) {
            assertThat(connect(basic("wallbox_1", "guess" + i), false).outcome()).isEqualTo(Outcome.UNAUTHORIZED);
        }

        Verdict throttled = connect(basic("wallbox_1", "s3cret"), false);

        assertThat(throttled.outcome()).isEqualTo(Outcome.THROTTLED);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttled.message()).contains("Too many wrong passwords");
        assertThat(hashes).as("no hash while throttled").hasValue(3);
        assertThat(audit).last().extracting(AuditEntry::detail).asString().contains("Too many wrong passwords");
    }

    @Test
    void withTlsRequiredPlainWsIsRefusedButForLegacyChargers() {
        authenticator.requireTls = true;
        authorized("s3cret");

        Verdict plain = connect(basic("wallbox_1", "s3cret"), false);
        assertThat(plain.outcome()).isEqualTo(Outcome.TLS_REQUIRED);
        assertThat(plain.message()).contains("must connect over TLS").contains("wss://");
        assertThat(audit).singleElement().extracting(AuditEntry::parameters).isEqualTo("ws");
        assertThat(connect(basic("wallbox_1", "s3cret"), true).admitted()).isTrue();
        assertThat(authenticator.admits(new Handshake(CpId.of("newcomer_1"), Optional.empty(), IP, false)).outcome())
                .as("a newcomer too must use TLS").isEqualTo(Outcome.TLS_REQUIRED);

        cps.get(WALLBOX).legacy(true);
        assertThat(connect(Optional.empty(), false).admitted()).as("legacy").isTrue();
    }
}
