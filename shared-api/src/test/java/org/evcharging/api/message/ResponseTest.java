package org.evcharging.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.evcharging.api.message.ParseResult.Invalid;
import org.evcharging.api.message.driver.AvailableCpsResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Central's generic reply and its per-request type table (§3.0). */
class ResponseTest {

    @ParameterizedTest
    @CsvSource({
            "auth_request, auth_request_response",
            "register_request, register_response",
            "heartbeat_request, heartbeat_response",
            "status_update, status_update_response",
            "fault_notification, fault_notification_response",
            "recovery_notification, recovery_response_response",
            "charging_data, charging_data_response",
            "charge_completion, charge_completion_response",
            "charge_request, charge_request_response",
            "stop_charging_request, stop_charging_response",
            "available_cps_request, available_cps_response",
            "charging_history_request, charging_history_response",
            "manual_command, manual_command_response",
            "teleport_request, teleport_request_response",
            "register_response, register_response_response",
    })
    void answersEachRequestTypeWithPythonsReplyType(String request, String reply) {
        assertThat(MessageType.responseTypeFor(request)).isEqualTo(reply);
    }

    @Test
    void answersAMissingTypeAsNoneResponse() {
        assertThat(MessageType.responseTypeFor(null)).isEqualTo("None_response");
    }

    @Test
    void writesTheGenericShapeWithEmptyDefaults() {
        Response reply = Response.success(MessageType.REGISTER_REQUEST, "m-2", "charging point cp_001 registered successfully.");

        assertThat(MessageCodec.toJson(reply)).isEqualTo("{\"type\":\"register_response\",\"message_id\":\"m-2\","
                + "\"status\":\"success\",\"info\":\"charging point cp_001 registered successfully.\",\"session_id\":\"\"}");
        assertThat(reply.succeeded()).isTrue();
    }

    @Test
    void fillsEmptyStringsForAbsentIdAndInfo() {
        Response reply = Response.failure(MessageType.HEARTBEAT_REQUEST, null, null);

        assertThat(reply.messageId()).isEmpty();
        assertThat(reply.info()).isEmpty();
        assertThat(reply.sessionId()).isEmpty();
        assertThat(reply.succeeded()).isFalse();
    }

    @Test
    void addsSessionCpAndDriverOnlyWhenGiven() {
        Response reply = Response.success(MessageType.CHARGE_REQUEST, "r-1", "ok")
                .withSessionId("s-1").withCpId("cp_001").withDriverId("driver_001");

        assertThat(MessageCodec.toJson(reply)).isEqualTo("{\"type\":\"charge_request_response\",\"message_id\":\"r-1\","
                + "\"status\":\"success\",\"info\":\"ok\",\"session_id\":\"s-1\",\"cp_id\":\"cp_001\",\"driver_id\":\"driver_001\"}");
    }

    @Test
    void answersAnUnknownTypeLikePython() {
        Response reply = Response.unknownType("teleport_request", "m-7");

        assertThat(reply).isEqualTo(new Response("teleport_request_response", "m-7", "failure",
                "Unknown message type", "", null, null));
    }

    @Test
    void rejectsMissingFieldsWithPythonsExactText() {
        Invalid invalid = (Invalid) MessageCodec.parse("{\"type\": \"register_request\", \"message_id\": \"m-2\", \"id\": \"cp_001\"}");

        Response reply = Response.rejecting(invalid);

        assertThat(reply).isEqualTo(new Response("register_response", "m-2", "failure",
                "Missing required fields in message: location, price_per_kwh", "", null, null));
    }

    @Test
    void rejectsAFailedAuthRequestWithTheGenericAuthRequestResponse() {
        Invalid invalid = (Invalid) MessageCodec.parse("{\"type\": \"auth_request\", \"message_id\": \"m-1\"}");

        assertThat(Response.rejecting(invalid).type()).isEqualTo("auth_request_response");
    }

    @Test
    void rejectsUnknownAndMissingTypesAsUnknown() {
        Response unknown = Response.rejecting((Invalid) MessageCodec.parse("{\"type\": \"x\", \"message_id\": \"m\"}"));
        Response missing = Response.rejecting((Invalid) MessageCodec.parse("{\"message_id\": \"m\"}"));

        assertThat(unknown.type()).isEqualTo("x_response");
        assertThat(unknown.info()).isEqualTo("Unknown message type");
        assertThat(missing.type()).isEqualTo("None_response");
        assertThat(missing.messageId()).isEqualTo("m");
    }

    @Test
    void rejectsNonObjectsWithAnExplanationInsteadOfCrashing() {
        Response reply = Response.rejecting((Invalid) MessageCodec.parse("[1, 2]"));

        assertThat(reply.status()).isEqualTo("failure");
        assertThat(reply.type()).isEqualTo("None_response");
        assertThat(reply.info()).startsWith("Invalid message: ").contains("array");
    }

    @Test
    void rejectsAWrongFieldTypeAsAProcessingError() {
        Response reply = Response.rejecting((Invalid) MessageCodec.parse(
                "{\"type\": \"heartbeat_request\", \"message_id\": \"m1\", \"id\": []}"));

        assertThat(reply.type()).isEqualTo("heartbeat_response");
        assertThat(reply.info()).startsWith("Error occurred while processing message: ");
    }

    @Test
    void aGenericMissingFieldReplyToAListRequestStillReadsAsThatListResponse() {
        Response reply = Response.failure(MessageType.AVAILABLE_CPS_REQUEST, "a-1",
                "Missing required fields in message: driver_id").withDriverId("unknown");

        AvailableCpsResponse read = MessageCodec.parse(MessageCodec.toBytes(reply))
                .messageAs(AvailableCpsResponse.class).orElseThrow();

        assertThat(read.status()).isEqualTo("failure");
        assertThat(read.info()).isEqualTo("Missing required fields in message: driver_id");
        assertThat(read.driverId()).isEqualTo("unknown");
        assertThat(read.chargingPoints()).isNull();
    }
}
