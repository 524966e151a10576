package org.evcharging.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.api.security.PayloadSignature.Key;
import org.evcharging.api.security.PayloadSignature.Verdict;
import org.junit.jupiter.api.Test;

class PayloadSignatureTest {

    private final Key key = PayloadSignature.newKey();
    private final String record = new String(MessageCodec.toBytes(ChargingData.of("CP1", "s-1", "d1", 1.25, 0.5, 3)),
            java.nio.charset.StandardCharsets.UTF_8);

    @Test
    void aRecordSignedWithTheCurrentKeyIsValid() {
        String signed = PayloadSignature.sign(record, key);

        assertThat(PayloadSignature.verify(signed, key)).isEqualTo(Verdict.VALID);
        assertThat(PayloadSignature.keyIdOf(signed)).isEqualTo(key.id());
    }

    @Test
    void aSignedRecordStillReadsAsTheSameMessage() {
        String signed = PayloadSignature.sign(record, key);

        assertThat(MessageCodec.parse(signed)).isEqualTo(MessageCodec.parse(record));
    }

    @Test
    void memberOrderAndSpacingDoNotMatter() {
        String signed = PayloadSignature.sign("{\"b\": 1, \"a\": {\"y\": 0.2, \"x\": \"€\"}}", key);
        String sig = signed.replaceAll(".*\"signature\":\"([^\"]+)\".*", "$1");
        String reordered = "{ \"signature\": \"" + sig + "\", \"key_id\": \"" + key.id()
                + "\", \"a\": {\"x\": \"\\u20ac\", \"y\": 0.2}, \"b\": 1 }";

        assertThat(PayloadSignature.verify(reordered, key)).isEqualTo(Verdict.VALID);
    }

    @Test
    void anAlteredValueBreaksTheSignature() {
        String signed = PayloadSignature.sign(record, key);
        String altered = signed.replace("1.25", "9.25");

        assertThat(PayloadSignature.verify(altered, key)).isEqualTo(Verdict.WRONG_SIGNATURE);
    }

    @Test
    void anUnsignedRecordIsRefusedWhenTheCpHoldsAKey() {
        assertThat(PayloadSignature.verify(record, key)).isEqualTo(Verdict.UNSIGNED);
        assertThat(Verdict.UNSIGNED.reason()).isNotBlank();
    }

    @Test
    void aSignatureByAnotherKeyWithTheSameIdIsWrong() {
        Key forger = new Key(key.id(), PayloadSignature.newKey().secret());

        assertThat(PayloadSignature.verify(PayloadSignature.sign(record, forger), key)).isEqualTo(Verdict.WRONG_SIGNATURE);
    }

    @Test
    void aRevokedOrReplacedKeyIsStale() {
        String signedWithOld = PayloadSignature.sign(record, key);

        assertThat(PayloadSignature.verify(signedWithOld, PayloadSignature.newKey())).isEqualTo(Verdict.STALE_KEY);
        assertThat(PayloadSignature.verify(signedWithOld, null)).isEqualTo(Verdict.NO_KEY);
        assertThat(PayloadSignature.verify(record, null)).isEqualTo(Verdict.NO_KEY);
    }

    @Test
    void aForgedSignatureFieldIsWrong() {
        String forged = record.replace("{", "{\"key_id\":\"" + key.id() + "\",\"signature\":\"AAAA\",");

        assertThat(PayloadSignature.verify(forged, key)).isEqualTo(Verdict.WRONG_SIGNATURE);
    }

    @Test
    void notJsonIsNotValid() {
        assertThat(PayloadSignature.verify("[1,2]", key)).isEqualTo(Verdict.NOT_JSON);
        assertThat(PayloadSignature.verify("nope", key)).isEqualTo(Verdict.NOT_JSON);
    }

    @Test
    void keysAreRandom256BitAndNeverPrinted() {
        Key other = PayloadSignature.newKey();

        assertThat(other.secret()).isNotEqualTo(key.secret());
        assertThat(java.util.Base64.getUrlDecoder().decode(key.secret())).hasSize(32);
        assertThat(key.toString()).doesNotContain(key.secret());
    }
}
