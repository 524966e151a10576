package org.evcharging.api.message.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.evcharging.api.message.WireTrees.UUID4;
import static org.evcharging.api.message.WireTrees.fieldsOf;
import static org.evcharging.api.message.WireTrees.read;
import static org.evcharging.api.message.WireTrees.treeOf;

import java.time.Instant;

import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.model.ChargingPointState;
import org.junit.jupiter.api.Test;

class MonitorMessagesTest {

    @Test
    void heartbeatAnnouncesItsIntervalAsAnExtension() {
        HeartbeatRequest heartbeat = HeartbeatRequest.of("cp_001", 5);

        assertThat(fieldsOf(heartbeat)).containsExactly("type", "message_id", "id", "heartbeat_interval");
        assertThat(treeOf(heartbeat).get("heartbeat_interval").intValue()).isEqualTo(5);
        assertThat(heartbeat.messageId()).matches(UUID4);
        assertThat(heartbeat.heartbeatIntervalOrDefault()).isEqualTo(5);
    }

    @Test
    void aPythonHeartbeatWithoutIntervalMeansThirtySeconds() {
        HeartbeatRequest python = read("{\"type\": \"heartbeat_request\", \"message_id\": \"m1\", \"id\": \"cp_001\"}",
                HeartbeatRequest.class);

        assertThat(python.heartbeatIntervalOrDefault()).isEqualTo(HeartbeatRequest.DEFAULT_INTERVAL_SECONDS).isEqualTo(30);
        assertThat(new HeartbeatRequest("m", "cp", 0).heartbeatIntervalOrDefault()).isEqualTo(30);
        assertThat(fieldsOf(python)).doesNotContain("heartbeat_interval");
    }

    @Test
    void registrationCarriesTheIntervalToo() {
        RegisterRequest ours = RegisterRequest.of("cp_001", "Alicante", 0.35, 5);
        RegisterRequest python = read("{\"type\": \"register_request\", \"message_id\": \"m-2\", \"id\": \"cp_001\", "
                + "\"location\": \"Unknown\", \"price_per_kwh\": 0.2}", RegisterRequest.class);

        assertThat(fieldsOf(ours)).containsExactly("type", "message_id", "id", "location", "price_per_kwh", "heartbeat_interval");
        assertThat(ours.heartbeatIntervalOrDefault()).isEqualTo(5);
        assertThat(python.heartbeatIntervalOrDefault()).isEqualTo(30);
    }

    @Test
    void authRequestIsStampedWithEpochSeconds() {
        AuthRequest request = AuthRequest.of("cp_001");

        assertThat(request.timestamp()).isCloseTo(Instant.now().getEpochSecond(), within(5L));
        assertThat(treeOf(request).get("timestamp").isIntegralNumber()).isTrue();
    }

    @Test
    void theCredentialIsAnOptionalExtraOfAuthRequestNeverPrinted() {
        assertThat(treeOf(AuthRequest.of("cp_001")).has("credential")).as("first-implementation shape").isFalse();
        AuthRequest ours = AuthRequest.of("cp_001", "s3cret-Value_1");

        assertThat(treeOf(ours).get("credential").asText()).isEqualTo("s3cret-Value_1");
        assertThat(ours.toString()).doesNotContain("s3cret");
        assertThat(((org.evcharging.api.message.ParseResult.Parsed) org.evcharging.api.message.MessageCodec.parse(
                "{\"type\": \"auth_request\", \"message_id\": \"m\", \"id\": \"cp_001\", \"credential\": \"abc\"}"))
                .message()).isEqualTo(new AuthRequest("m", "cp_001", null, "abc"));
    }

    @Test
    void authResponseHasItsOwnShapeWithoutInfoOrSession() {
        AuthResponse approved = AuthResponse.approved("m-1", "cp_001");

        assertThat(fieldsOf(approved)).containsExactly("type", "message_id", "status", "message", "cp_id");
        assertThat(approved.status()).isEqualTo("success");
        assertThat(approved.message()).isEqualTo("Charging point cp_001 authorized, can now proceed with registration");
        assertThat(AuthResponse.alreadyRegistered("m-1", "cp_001").message()).isEqualTo("Charging point cp_001 "
                + "authenticated successfully (already registered), can send registration request to update information");
        assertThat(AuthResponse.pending("m-1", "cp_001").status()).isEqualTo("pending");
    }

    @Test
    void statusUpdateKeepsAnInvalidStatusReadableForCentralsReply() {
        StatusUpdate bogus = read("{\"type\": \"status_update\", \"message_id\": \"m\", \"id\": \"cp\", \"status\": \"BROKEN\"}",
                StatusUpdate.class);

        assertThat(bogus.status()).isEqualTo("BROKEN");
        assertThat(bogus.state()).isEmpty();
        assertThat(StatusUpdate.of("cp", ChargingPointState.STOPPED).state()).contains(ChargingPointState.STOPPED);
    }

    @Test
    void recoveryInfoIsOptionalWithPythonsDefault() {
        RecoveryNotification bare = new RecoveryNotification("m", "cp", null);

        assertThat(fieldsOf(bare)).containsExactly("type", "message_id", "id");
        assertThat(bare.recoveryInfoOrDefault()).isEqualTo("Fault repaired");
    }

    @Test
    void manualCommandSocketFormOmitsTheConsoleFields() {
        ManualCommand socket = read("{\"type\": \"manual_command\", \"message_id\": \"m\", \"command\": \"resume\", "
                + "\"cp_id\": \"all\"}", ManualCommand.class);

        assertThat(fieldsOf(socket)).containsExactly("type", "message_id", "command", "cp_id");
        assertThat(socket.appliesToAllCps()).isTrue();
        assertThat(fieldsOf(ManualCommand.stop("cp_001", "admin_cli")))
                .containsExactly("type", "message_id", "command", "cp_id", "admin_id", "timestamp");
    }

    @Test
    void commandsFromCentralAreStampedAndCarryTheCp() {
        StartChargingCommand start = StartChargingCommand.of("cp_001", "s-1", "driver_001", 0.2);

        assertThat(fieldsOf(start)).containsExactly("type", "message_id", "timestamp", "cp_id", "session_id",
                "driver_id", "price_per_kwh");
        assertThat(fieldsOf(StopChargingSessionCommand.of("cp_001", "s-1", "driver_001")))
                .containsExactly("type", "message_id", "timestamp", "cp_id", "session_id", "driver_id");
        assertThat(fieldsOf(StopCpCommand.of("cp_001"))).containsExactly("type", "message_id", "timestamp", "cp_id");
        assertThat(fieldsOf(ResumeCpCommand.of("cp_001"))).containsExactly("type", "message_id", "timestamp", "cp_id");
    }

    @Test
    void theMonitorsStartCommandToThePythonEngineParsesWithoutTimestamp() {
        StartChargingCommand toEngine = read("{\"type\": \"start_charging_command\", \"message_id\": \"n-1\", "
                + "\"cp_id\": \"cp_001\", \"session_id\": \"s-1\", \"driver_id\": \"driver_001\", \"price_per_kwh\": 0.0}",
                StartChargingCommand.class);

        assertThat(toEngine.timestamp()).isNull();
        assertThat(toEngine.pricePerKwh()).isZero();
        assertThat(MessageCodec.toJson(toEngine)).contains("\"price_per_kwh\":0.0");
    }
}
