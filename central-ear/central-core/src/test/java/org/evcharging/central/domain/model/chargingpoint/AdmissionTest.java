package org.evcharging.central.domain.model.chargingpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;

/** The credential policy, alone. */
class AdmissionTest {

    private static final CpId ID = CpId.of("cp_001");
    private static final BiPredicate<String, String> SAME = (secret, hash) -> ("h" + secret).equals(hash);

    private static ChargingPoint withCredential() {
        ChargingPoint cp = ChargingPoint.registeredByOperator(ID, "Bay", BigDecimal.ONE, 0);
        cp.credentialIssued("hs3cret");
        return cp;
    }

    @Test
    void aCpWithACredentialIsAdmittedOnlyByIt() {
        assertThat(Admission.of(withCredential(), "s3cret", SAME)).isEqualTo(Admission.BY_CREDENTIAL);
        assertThat(Admission.of(withCredential(), "guess", SAME)).isEqualTo(Admission.WRONG_CREDENTIAL);
        assertThat(Admission.of(withCredential(), null, SAME)).isEqualTo(Admission.NO_CREDENTIAL);
        assertThat(Admission.of(withCredential(), "  ", SAME)).isEqualTo(Admission.NO_CREDENTIAL);
    }

    @Test
    void aRevokedOrNeverIssuedCredentialAdmitsNobody() {
        ChargingPoint cp = withCredential();
        cp.credentialRevoked();

        assertThat(Admission.of(cp, "s3cret", SAME)).isEqualTo(Admission.NO_CREDENTIAL_ISSUED);
        assertThat(Admission.NO_CREDENTIAL_ISSUED.isAdmitted()).isFalse();
        assertThat(Admission.NO_CREDENTIAL_ISSUED.refusal(ID)).startsWith("Authentication refused for charging point cp_001");
    }

    @Test
    void aLegacyCpIsAdmittedByIdAndAPendingOneWaits() {
        ChargingPoint legacy = withCredential();
        legacy.legacy(true);

        assertThat(Admission.of(legacy, null, SAME)).isEqualTo(Admission.BY_ID_LEGACY);
        assertThat(Admission.of(legacy, "s3cret", SAME)).isEqualTo(Admission.BY_CREDENTIAL);
        assertThat(Admission.of(ChargingPoint.firstSeen(ID, false, 0), "x", SAME)).isEqualTo(Admission.PENDING);
        assertThat(Admission.PENDING.isAdmitted()).isFalse();
        assertThat(Admission.PENDING.refusal(ID)).isNull();
    }
}
