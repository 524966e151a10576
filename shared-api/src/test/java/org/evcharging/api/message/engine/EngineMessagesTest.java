package org.evcharging.api.message.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evcharging.api.message.WireTrees.fieldsOf;
import static org.evcharging.api.message.WireTrees.read;
import static org.evcharging.api.message.WireTrees.treeOf;

import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.model.ChargingPointState;
import org.junit.jupiter.api.Test;

class EngineMessagesTest {

    @Test
    void anEmergencyStopWritesItsNullSessionId() {
        StopChargingCommand forwarded = StopChargingCommand.emergency("c-3", "cp_001");

        assertThat(MessageCodec.toJson(forwarded))
                .isEqualTo("{\"type\":\"stop_charging_command\",\"message_id\":\"c-3\",\"cp_id\":\"cp_001\",\"session_id\":null}");
        assertThat(forwarded.emergencyStop()).isTrue();
    }

    @Test
    void theMonitorsOwnEmergencyStopIsStamped() {
        StopChargingCommand own = StopChargingCommand.emergency("cp_001");

        assertThat(fieldsOf(own)).containsExactly("type", "message_id", "cp_id", "session_id", "timestamp");
        assertThat(treeOf(own).get("session_id").isNull()).isTrue();
    }

    @Test
    void aStopWithoutSessionIdIsAnEmergencyStop() {
        StopChargingCommand absent = read("{\"type\": \"stop_charging_command\", \"message_id\": \"q\", \"cp_id\": \"cp_001\"}",
                StopChargingCommand.class);

        assertThat(absent.emergencyStop()).isTrue();
        assertThat(StopChargingCommand.forSession("q", "cp_001", "s-1").emergencyStop()).isFalse();
    }

    @Test
    void healthCheckResponseUsesIsCharging() {
        HealthCheckResponse reply = HealthCheckResponse.reply("e-2", ChargingPointState.ACTIVE, false);

        assertThat(MessageCodec.toJson(reply)).isEqualTo("{\"type\":\"health_check_response\",\"message_id\":\"e-2\","
                + "\"status\":\"success\",\"engine_status\":\"ACTIVE\",\"is_charging\":false}");
        assertThat(reply.engineState()).contains(ChargingPointState.ACTIVE);
    }

    @Test
    void anUnknownOrAbsentEngineStatusIsNoState() {
        HealthCheckResponse odd = read("{\"type\": \"health_check_response\", \"message_id\": \"e\", \"status\": \"success\", "
                + "\"engine_status\": \"SLEEPY\"}", HealthCheckResponse.class);
        HealthCheckResponse none = read("{\"type\": \"health_check_response\", \"message_id\": \"e\"}",
                HealthCheckResponse.class);

        assertThat(odd.engineState()).isEmpty();
        assertThat(none.engineState()).isEmpty();
    }

    @Test
    void commandResponseWritesSessionAndCpOnlyWhenSet() {
        assertThat(fieldsOf(CommandResponse.success("c", "CP cp_001 resumed").withCpId("cp_001")))
                .containsExactly("type", "message_id", "status", "message", "cp_id");
        assertThat(fieldsOf(CommandResponse.failure("c", "Missing cp_id")))
                .containsExactly("type", "message_id", "status", "message");
        assertThat(CommandResponse.success("c", "Charging started").withSessionId("s").succeeded()).isTrue();
    }

    @Test
    void errorResponseUsesPythonsText() {
        assertThat(ErrorResponse.unknownType("m", "bogus"))
                .isEqualTo(new ErrorResponse("m", "error", "Unknown message type: bogus"));
    }

    @Test
    void initAndHealthCheckCarryTheCpUnderTheirOwnNames() {
        assertThat(fieldsOf(InitCpId.of("cp_001"))).containsExactly("type", "message_id", "cp_id");
        assertThat(fieldsOf(HealthCheckRequest.of("cp_001"))).containsExactly("type", "message_id", "id");
    }
}
