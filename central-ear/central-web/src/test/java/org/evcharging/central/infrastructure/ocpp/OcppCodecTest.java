package org.evcharging.central.infrastructure.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each way an OCPP-J text can be wrong, and the CALLERROR code it earns. */
class OcppCodecTest {

    private static OcppErrorCode codeOf(String text, Class<?> payload) {
        try {
            OcppFrame frame = OcppCodec.parse(text);
            if (payload != null) {
                OcppCodec.payload(((OcppFrame.Call) frame).payload(), payload);
            }
            return null;
        } catch (OcppViolation violation) {
            return violation.code();
        }
    }

    @Test
    void framesAreReadAndWrittenAsOcppJArrays() {
        OcppFrame.Call call = (OcppFrame.Call) OcppCodec.parse("[2,\"id-1\",\"Heartbeat\",{}]");
        assertThat(call.action()).isEqualTo("Heartbeat");
        assertThat(OcppCodec.parse("[3,\"id-2\",{\"status\":\"Accepted\"}]")).isInstanceOf(OcppFrame.CallResult.class);
        assertThat(OcppCodec.parse("[4,\"id-3\",\"NotImplemented\",\"no\",{}]")).isInstanceOf(OcppFrame.CallError.class);
        assertThat(OcppCodec.result("id-1", new Ocpp16.StatusConf("Accepted"))).isEqualTo("[3,\"id-1\",{\"status\":\"Accepted\"}]");
        assertThat(OcppCodec.error(new OcppViolation(OcppErrorCode.ProtocolError, "m", "short")))
                .isEqualTo("[4,\"m\",\"ProtocolError\",\"short\",{}]");
    }

    @Test
    void badFramesAndPayloadsEarnTheirErrorCodes() {
        assertThat(codeOf("{", null)).isEqualTo(OcppErrorCode.FormationViolation);
        assertThat(codeOf("[2,\"a\",\"Heartbeat\",{}] trailing", null)).isEqualTo(OcppErrorCode.FormationViolation);
        assertThat(codeOf("[2,\"" + "x".repeat(37) + "\",\"Heartbeat\",{}]", null)).isEqualTo(OcppErrorCode.FormationViolation);
        assertThat(codeOf("[2,\"a\",\"Heartbeat\",[]]", null)).isEqualTo(OcppErrorCode.FormationViolation);
        assertThat(codeOf("[2,\"a\",\"Heartbeat\"]", null)).isEqualTo(OcppErrorCode.ProtocolError);
        assertThat(codeOf("[5,\"a\",\"Heartbeat\",{}]", null)).isEqualTo(OcppErrorCode.NotSupported);

        Class<?> boot = Ocpp16.BootNotificationReq.class;
        assertThat(codeOf("[2,\"a\",\"BootNotification\",{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}]", boot)).isNull();
        assertThat(codeOf("[2,\"a\",\"BootNotification\",{\"chargePointModel\":\"M\"}]", boot))
                .isEqualTo(OcppErrorCode.OccurenceConstraintViolation);
        assertThat(codeOf("[2,\"a\",\"BootNotification\",{\"chargePointVendor\":7,\"chargePointModel\":\"M\"}]", boot))
                .isEqualTo(OcppErrorCode.TypeConstraintViolation);
        assertThat(codeOf("[2,\"a\",\"BootNotification\",{\"chargePointVendor\":\"V\",\"chargePointModel\":\"" + "M".repeat(21) + "\"}]", boot))
                .isEqualTo(OcppErrorCode.PropertyConstraintViolation);
        Class<?> start = Ocpp16.StartTransactionReq.class;
        assertThat(codeOf("[2,\"a\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"d\",\"meterStart\":\"5\","
                + "\"timestamp\":\"2026-11-30T10:00:00Z\"}]", start)).isEqualTo(OcppErrorCode.TypeConstraintViolation);
        assertThat(codeOf("[2,\"a\",\"StartTransaction\",{\"connectorId\":0,\"idTag\":\"d\",\"meterStart\":5,"
                + "\"timestamp\":\"2026-11-30T10:00:00Z\"}]", start)).isEqualTo(OcppErrorCode.PropertyConstraintViolation);
        assertThat(codeOf("[2,\"a\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"d\",\"meterStart\":5,"
                + "\"timestamp\":\"2026-11-30T10:00:00.123+01:00\"}]", start)).isNull();
    }

    @Test
    void aViolationAnswersTheCallItCameFrom() {
        OcppViolation violation = new OcppViolation(OcppErrorCode.GenericError, "no id yet");
        assertThat(violation.answering("m-9").messageId()).isEqualTo("m-9");
        assertThatThrownBy(() -> OcppCodec.parse("[]")).isInstanceOf(OcppViolation.class);
    }
}
