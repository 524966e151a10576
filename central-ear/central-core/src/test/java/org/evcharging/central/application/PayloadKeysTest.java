package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.api.security.PayloadSignature;
import org.evcharging.api.security.PayloadSignature.Key;
import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.shared.ConflictException;
import org.junit.jupiter.api.Test;

/** Per-CP payload keys: who gets one, which Kafka records pass, and what revoking does. */
class PayloadKeysTest {

    private static final CpId CP = CpId.of("cp_001");

    private final CoreFixture central = new CoreFixture();
    private final FakeMonitorChannel monitor = central.activeCp("cp_001");
    private final String sessionId = central.charge("cp_001", "driver_1").id();

    private Key keyOfNewConnection(String peer) {
        FakeMonitorChannel again = new FakeMonitorChannel(peer);
        central.connect(again, "cp_001");
        return central.payloadKeys.forAdmitted(again, CP).orElseThrow();
    }

    private static String json(WireMessage message) {
        return new String(MessageCodec.toBytes(message), StandardCharsets.UTF_8);
    }

    private String tick(String cpId, double kwh) {
        return json(ChargingData.of(cpId, sessionId, "driver_1", kwh, kwh * 0.3, 1));
    }

    private Optional<String> check(String record) {
        return central.payloadKeys.refusal(Topics.CHARGING_SESSION_DATA, record, "cp_001", sessionId);
    }

    @Test
    void aMonitorAdmittedByItsCredentialGetsTheCpsKeyWhichStaysTheSameOnReconnect() {
        Key first = keyOfNewConnection("10.0.0.2:41001");
        Key again = keyOfNewConnection("10.0.0.2:41002");

        assertThat(again).isEqualTo(first);
        assertThat(central.cp("cp_001").payloadKey()).contains(first);
        assertThat(central.audit.entries).filteredOn(e -> e.action().equals("payload-key.issue")).singleElement()
                .satisfies(e -> assertThat(e.parameters()).contains(first.id()).doesNotContain(first.secret()));
    }

    @Test
    void aMonitorTheOperatorApprovesOnItsWaitingConnectionGetsItsKeyThereAtOnce() {
        FakeMonitorChannel waiting = new FakeMonitorChannel("10.0.0.4:41004");
        central.reports.authenticate(waiting, CpId.of("cp_new"), null, "auth-new");

        central.operator.authorize(CpId.of("cp_new"));

        assertThat(waiting.sentOf(AuthResponse.class)).filteredOn(r -> r.key().isPresent()).singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo(central.cp("cp_new").payloadKey()));
    }

    @Test
    void aConnectionNotAdmittedGetsNoKey() {
        assertThat(central.payloadKeys.forAdmitted(new FakeMonitorChannel("10.6.6.6:1"), CP)).isEmpty();
    }

    @Test
    void aRecordSignedWithTheCpsKeyIsApplied() {
        Key key = keyOfNewConnection("10.0.0.2:41001");

        assertThat(check(PayloadSignature.sign(tick("cp_001", 0.5), key))).isEmpty();
        assertThat(central.audit.refusals()).isEmpty();
    }

    @Test
    void unsignedOrForgedRecordsOfTheCpAreRefusedAndAudited() {
        Key key = keyOfNewConnection("10.0.0.2:41001");
        Key forger = new Key(key.id(), PayloadSignature.newKey().secret());

        assertThat(check(tick("cp_001", 9.0))).contains("the record is not signed");
        assertThat(check(PayloadSignature.sign(tick("cp_001", 9.0), forger))).contains("the signature does not match the record");
        assertThat(central.audit.refusals()).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("cp:cp_001");
            assertThat(entry.action()).isEqualTo("kafka.record");
            assertThat(entry.parameters()).contains(sessionId).contains(Topics.CHARGING_SESSION_DATA);
        });
    }

    @Test
    void aRecordCannotBorrowAnotherCpsSession() {
        keyOfNewConnection("10.0.0.2:41001");
        central.activeCp("cp_002");
        FakeMonitorChannel other = new FakeMonitorChannel("10.0.0.3:41003");
        central.connect(other, "cp_002");
        Key otherKey = central.payloadKeys.forAdmitted(other, CpId.of("cp_002")).orElseThrow();

        String record = PayloadSignature.sign(tick("cp_002", 9.0), otherKey);

        assertThat(central.payloadKeys.refusal(Topics.CHARGING_SESSION_DATA, record, "cp_002", sessionId)).isPresent();
    }

    @Test
    void afterRevocationRecordsSignedWithTheOldKeyAreRefusedAndTheLinkedMonitorGetsANewKey() {
        FakeMonitorChannel linked = new FakeMonitorChannel("10.0.0.2:41001");
        central.connect(linked, "cp_001");
        Key old = central.payloadKeys.forAdmitted(linked, CP).orElseThrow();

        Optional<String> fresh = central.payloadKeys.revoke(CP);

        assertThat(fresh).isPresent().isNotEqualTo(Optional.of(old.id()));
        assertThat(check(PayloadSignature.sign(tick("cp_001", 9.0), old)))
                .contains("the record is signed with a revoked or replaced payload key");
        AuthResponse rekeyed = linked.sentOf(AuthResponse.class).get(linked.sentOf(AuthResponse.class).size() - 1);
        Key pushed = rekeyed.key().orElseThrow();
        assertThat(pushed.id()).isEqualTo(fresh.get());
        assertThat(check(PayloadSignature.sign(tick("cp_001", 0.6), pushed))).isEmpty();
    }

    @Test
    void revokedWithoutALinkTheCpHasNoKeyUntilItsMonitorAuthenticatesAgain() {
        Key old = keyOfNewConnection("10.0.0.2:41001");
        central.links.find(CP).ifPresent(link -> central.links.unbind(CP, link.channel()));

        assertThat(central.payloadKeys.revoke(CP)).isEmpty();

        assertThat(central.cp("cp_001").payloadKey()).isEmpty();
        assertThat(check(PayloadSignature.sign(tick("cp_001", 9.0), old)))
                .contains("the charging point holds no payload key (revoked or never issued)");
        Key next = keyOfNewConnection("10.0.0.2:41002");
        assertThat(next.id()).isNotEqualTo(old.id());
        assertThat(check(PayloadSignature.sign(tick("cp_001", 0.7), next))).isEmpty();
    }

    @Test
    void revokingWhenThereIsNoKeyIsAConflict() {
        central.registry.register(CpId.of("cp_quiet"), "Bay Q", java.math.BigDecimal.ONE, false);

        assertThatThrownBy(() -> central.payloadKeys.revoke(CpId.of("cp_quiet"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aLegacyCpGetsNoKeyAndItsUnsignedRecordsAreApplied() {
        central.registry.legacy(CP, true);
        FakeMonitorChannel python = new FakeMonitorChannel("10.0.0.9:41009");
        central.reports.authenticate(python, CP, null, "auth-py");

        assertThat(central.payloadKeys.forAdmitted(python, CP)).isEmpty();
        assertThat(check(tick("cp_001", 0.5))).isEmpty();
        assertThat(central.audit.refusals()).extracting(AuditEntry::action).doesNotContain("kafka.record");
    }

    @Test
    void aLegacyFlagSetHereAppliesToTheNextRecordAtOnce() {
        keyOfNewConnection("10.0.0.2:41001");
        assertThat(check(tick("cp_001", 0.5))).contains("the record is not signed");

        central.registry.legacy(CP, true);

        assertThat(check(tick("cp_001", 0.6))).isEmpty();
    }

    @Test
    void aChangeMadeByAnotherCentralIsSeenOnceTheRuleAgesOut() {
        keyOfNewConnection("10.0.0.2:41001");
        assertThat(check(tick("cp_001", 0.5))).isPresent();

        central.cp("cp_001").legacy(true); // straight into the shared store: no event on this Central

        assertThat(check(tick("cp_001", 0.6))).as("the rule in memory still holds").isPresent();
        central.nanos.addAndGet(central.settings.signingRulesTtl().toNanos());
        assertThat(check(tick("cp_001", 0.7))).as("read again after the TTL").isEmpty();
    }

    @Test
    void aLateCopyOfAnEndedSessionIsNotCheckedItChangesNothing() {
        keyOfNewConnection("10.0.0.2:41001");
        central.sessions.completion(sessionId, org.evcharging.central.domain.model.session.MeterReading.of(0.5, 0.15),
                Optional.empty());

        assertThat(check(tick("cp_001", 9.0))).isEmpty();
        assertThat(central.audit.refusals()).isEmpty();
        assertThat(central.sessionRepository.find(sessionId).orElseThrow().energyKwh()).isEqualByComparingTo("0.5");
    }
}
