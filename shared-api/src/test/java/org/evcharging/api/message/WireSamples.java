package org.evcharging.api.message;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.evcharging.api.message.driver.AvailableCp;
import org.evcharging.api.message.driver.AvailableCpsRequest;
import org.evcharging.api.message.driver.AvailableCpsResponse;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.ChargingHistoryEntry;
import org.evcharging.api.message.driver.ChargingHistoryRequest;
import org.evcharging.api.message.driver.ChargingHistoryResponse;
import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.message.driver.ConnectionError;
import org.evcharging.api.message.driver.StopChargingRequest;
import org.evcharging.api.message.engine.CommandResponse;
import org.evcharging.api.message.engine.ErrorResponse;
import org.evcharging.api.message.engine.HealthCheckRequest;
import org.evcharging.api.message.engine.HealthCheckResponse;
import org.evcharging.api.message.engine.InitCpId;
import org.evcharging.api.message.engine.PayloadKey;
import org.evcharging.api.message.engine.StopChargingCommand;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.FaultNotification;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.message.monitor.ManualCommand;
import org.evcharging.api.message.monitor.RecoveryNotification;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.ResumeCpCommand;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.message.monitor.StopChargingSessionCommand;
import org.evcharging.api.message.monitor.StopCpCommand;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;

/**
 * One message of every type as the Python implementation writes it (json.dumps separators, field
 * order and values taken from the wire-format tables), with the record it must read as.
 */
final class WireSamples {

    record Sample(MessageType type, String pythonJson, WireMessage expected) {
        @Override
        public String toString() {
            return type.wire();
        }
    }

    private static final long T = 1763633730L;
    private static final Map<MessageType, Sample> SAMPLES = new EnumMap<>(MessageType.class);

    static {
        // Monitor -> Central
        add(MessageType.AUTH_REQUEST,
                "{\"type\": \"auth_request\", \"message_id\": \"m-1\", \"id\": \"cp_001\", \"timestamp\": 1763633730}",
                new AuthRequest("m-1", "cp_001", T, null));
        add(MessageType.REGISTER_REQUEST,
                "{\"type\": \"register_request\", \"message_id\": \"m-2\", \"id\": \"cp_001\", \"location\": \"Unknown\", "
                        + "\"price_per_kwh\": 0.2}",
                new RegisterRequest("m-2", "cp_001", "Unknown", 0.2, null));
        add(MessageType.HEARTBEAT_REQUEST,
                "{\"type\": \"heartbeat_request\", \"message_id\": \"m1\", \"id\": \"cp_001\"}",
                new HeartbeatRequest("m1", "cp_001", null));
        add(MessageType.STATUS_UPDATE,
                "{\"type\": \"status_update\", \"message_id\": \"m-4\", \"id\": \"cp_001\", \"status\": \"ACTIVE\"}",
                new StatusUpdate("m-4", "cp_001", "ACTIVE"));
        add(MessageType.FAULT_NOTIFICATION,
                "{\"type\": \"fault_notification\", \"message_id\": \"m-5\", \"id\": \"cp_001\", "
                        + "\"failure_info\": \"EV_CP_E connection lost\"}",
                new FaultNotification("m-5", "cp_001", FaultNotification.ENGINE_CONNECTION_LOST));
        add(MessageType.RECOVERY_NOTIFICATION,
                "{\"type\": \"recovery_notification\", \"message_id\": \"m-6\", \"id\": \"cp_001\", "
                        + "\"recovery_info\": \"Fault repaired\"}",
                new RecoveryNotification("m-6", "cp_001", "Fault repaired"));
        add(MessageType.CHARGING_DATA,
                "{\"type\": \"charging_data\", \"message_id\": \"m-7\", \"cp_id\": \"cp_001\", \"session_id\": \"s-1\", "
                        + "\"energy_consumed_kwh\": 0.05, \"total_cost\": 0.01}",
                new ChargingData("m-7", "cp_001", "s-1", null, 0.05, 0.01, null, null));
        add(MessageType.CHARGE_COMPLETION,
                "{\"type\": \"charge_completion\", \"message_id\": \"x-1\", \"cp_id\": \"cp_001\", \"session_id\": \"s-1\", "
                        + "\"energy_consumed_kwh\": 0.29, \"total_cost\": 0.06, \"timestamp\": 1763633760}",
                new ChargeCompletion("x-1", "cp_001", "s-1", null, 0.29, 0.06, 1763633760L, null, null, null));
        add(MessageType.MANUAL_COMMAND,
                "{\"type\": \"manual_command\", \"message_id\": \"m-9\", \"command\": \"stop\", \"cp_id\": \"all\"}",
                new ManualCommand("m-9", "stop", "all", null, null));

        // Central -> Monitor
        add(MessageType.AUTH_RESPONSE,
                "{\"type\": \"auth_response\", \"message_id\": \"m-1\", \"status\": \"pending\", "
                        + "\"message\": \"Authentication request received, waiting for admin approval\", \"cp_id\": \"cp_001\"}",
                AuthResponse.pending("m-1", "cp_001"));
        addGeneric(MessageType.AUTH_REQUEST_RESPONSE, "m-1", "failure",
                "Authentication request already exists, waiting for admin approval");
        addGeneric(MessageType.REGISTER_RESPONSE, "m-2", "success", "charging point cp_001 registered successfully.");
        addGeneric(MessageType.HEARTBEAT_RESPONSE, "m1", "success",
                "Heartbeat received, last connection time updated successfully");
        addGeneric(MessageType.STATUS_UPDATE_RESPONSE, "m-4", "success", "Charging point cp_001 status updated to ACTIVE");
        addGeneric(MessageType.FAULT_NOTIFICATION_RESPONSE, "m-5", "success",
                "Fault notification logged, charging point cp_001 status updated to faulty");
        addGeneric(MessageType.RECOVERY_RESPONSE_RESPONSE, "m-6", "success",
                "Recovery notification processed, charging point cp_001 status updated to active");
        addGeneric(MessageType.CHARGING_DATA_RESPONSE, "m-7", "success", "Charging data processed");
        addGeneric(MessageType.CHARGE_COMPLETION_RESPONSE, "x-1", "success",
                "Charge completion notification processed, charging point cp_001 status updated to active");
        addGeneric(MessageType.MANUAL_COMMAND_RESPONSE, "m-9", "failure",
                "Charging point cp_001 is disconnected, cannot execute stop command");
        add(MessageType.START_CHARGING_COMMAND,
                "{\"type\": \"start_charging_command\", \"message_id\": \"c-1\", \"timestamp\": 1763633730, "
                        + "\"cp_id\": \"cp_001\", \"session_id\": \"s-1\", \"driver_id\": \"driver_001\", \"price_per_kwh\": 0.2}",
                new StartChargingCommand("c-1", T, "cp_001", "s-1", "driver_001", 0.2));
        add(MessageType.STOP_CHARGING_SESSION_COMMAND,
                "{\"type\": \"stop_charging_session_command\", \"message_id\": \"c-2\", \"timestamp\": 1763633730, "
                        + "\"cp_id\": \"cp_001\", \"session_id\": \"s-1\", \"driver_id\": \"driver_001\"}",
                new StopChargingSessionCommand("c-2", T, "cp_001", "s-1", "driver_001"));
        add(MessageType.STOP_CP_COMMAND,
                "{\"type\": \"stop_cp_command\", \"message_id\": \"c-3\", \"timestamp\": 1763633730, \"cp_id\": \"cp_001\"}",
                new StopCpCommand("c-3", T, "cp_001"));
        add(MessageType.RESUME_CP_COMMAND,
                "{\"type\": \"resume_cp_command\", \"message_id\": \"c-4\", \"timestamp\": 1763633730, \"cp_id\": \"cp_001\"}",
                new ResumeCpCommand("c-4", T, "cp_001"));

        // Monitor <-> Engine
        add(MessageType.INIT_CP_ID,
                "{\"type\": \"init_cp_id\", \"message_id\": \"e-1\", \"cp_id\": \"cp_001\"}",
                new InitCpId("e-1", "cp_001"));
        add(MessageType.PAYLOAD_KEY,
                "{\"type\": \"payload_key\", \"message_id\": \"e-9\", \"cp_id\": \"cp_001\", \"key_id\": \"pk-1\", "
                        + "\"payload_key\": \"c2VjcmV0\"}",
                new PayloadKey("e-9", "cp_001", "pk-1", "c2VjcmV0"));
        add(MessageType.HEALTH_CHECK_REQUEST,
                "{\"type\": \"health_check_request\", \"message_id\": \"e-2\", \"id\": \"cp_001\"}",
                new HealthCheckRequest("e-2", "cp_001"));
        add(MessageType.HEALTH_CHECK_RESPONSE,
                "{\"type\": \"health_check_response\", \"message_id\": \"e-2\", \"status\": \"success\", "
                        + "\"engine_status\": \"CHARGING\", \"is_charging\": true}",
                new HealthCheckResponse("e-2", "success", "CHARGING", true));
        add(MessageType.STOP_CHARGING_COMMAND,
                "{\"type\": \"stop_charging_command\", \"message_id\": \"e-3\", \"cp_id\": \"cp_001\", \"session_id\": null, "
                        + "\"timestamp\": 1763633730}",
                new StopChargingCommand("e-3", "cp_001", null, T));
        add(MessageType.COMMAND_RESPONSE,
                "{\"type\": \"command_response\", \"message_id\": \"c-1\", \"status\": \"success\", "
                        + "\"message\": \"Charging started\", \"session_id\": \"s-1\"}",
                new CommandResponse("c-1", "success", "Charging started", "s-1", null));
        add(MessageType.ERROR_RESPONSE,
                "{\"type\": \"error_response\", \"message_id\": \"e-9\", \"status\": \"error\", "
                        + "\"error\": \"Unknown message type: bogus\"}",
                ErrorResponse.unknownType("e-9", "bogus"));

        // Driver -> Central (Kafka)
        add(MessageType.CHARGE_REQUEST,
                "{\"type\": \"charge_request\", \"message_id\": \"r-1\", \"cp_id\": \"cp_001\", \"driver_id\": \"driver_001\", "
                        + "\"timestamp\": 1763633730}",
                new ChargeRequest("r-1", "cp_001", "driver_001", T));
        add(MessageType.STOP_CHARGING_REQUEST,
                "{\"type\": \"stop_charging_request\", \"message_id\": \"t-1\", \"session_id\": \"s-1\", \"cp_id\": \"cp_001\", "
                        + "\"driver_id\": \"driver_001\", \"timestamp\": 1763633730}",
                new StopChargingRequest("t-1", "s-1", "cp_001", "driver_001", T));
        add(MessageType.AVAILABLE_CPS_REQUEST,
                "{\"type\": \"available_cps_request\", \"message_id\": \"a-1\", \"driver_id\": \"driver_001\", "
                        + "\"timestamp\": 1763633730}",
                new AvailableCpsRequest("a-1", "driver_001", T));
        add(MessageType.CHARGING_HISTORY_REQUEST,
                "{\"type\": \"charging_history_request\", \"message_id\": \"h-1\", \"driver_id\": \"driver_001\", "
                        + "\"timestamp\": 1763633730}",
                new ChargingHistoryRequest("h-1", "driver_001", T, null));

        // Central (and Engine) -> Driver (Kafka: non-ASCII arrives as \\u escapes)
        add(MessageType.CHARGE_REQUEST_RESPONSE,
                "{\"type\": \"charge_request_response\", \"message_id\": \"r-1\", \"status\": \"success\", "
                        + "\"info\": \"Charge request authorized, charging point cp_001 started charging for driver driver_001, "
                        + "session ID: s-1\", \"session_id\": \"s-1\", \"cp_id\": \"cp_001\", \"driver_id\": \"driver_001\"}",
                new Response("charge_request_response", "r-1", "success",
                        "Charge request authorized, charging point cp_001 started charging for driver driver_001, session ID: s-1",
                        "s-1", "cp_001", "driver_001"));
        add(MessageType.STOP_CHARGING_RESPONSE,
                "{\"type\": \"stop_charging_response\", \"message_id\": \"t-1\", \"status\": \"success\", "
                        + "\"info\": \"Stop charging request processed, charging point cp_001 updated to active status\", "
                        + "\"session_id\": \"s-1\", \"cp_id\": \"cp_001\", \"driver_id\": \"driver_001\"}",
                new Response("stop_charging_response", "t-1", "success",
                        "Stop charging request processed, charging point cp_001 updated to active status",
                        "s-1", "cp_001", "driver_001"));
        add(MessageType.AVAILABLE_CPS_RESPONSE,
                "{\"type\": \"available_cps_response\", \"message_id\": \"a-1\", \"status\": \"success\", "
                        + "\"driver_id\": \"driver_001\", \"charging_points\": [{\"id\": \"cp_001\", \"location\": \"Alcal\\u00e1\", "
                        + "\"price_per_kwh\": 0.2, \"status\": \"ACTIVE\"}], \"timestamp\": 1763633730}",
                new AvailableCpsResponse("a-1", "success", "driver_001",
                        List.of(new AvailableCp("cp_001", "Alcalá", 0.2, "ACTIVE")), T, null, null));
        add(MessageType.CHARGING_HISTORY_RESPONSE,
                "{\"type\": \"charging_history_response\", \"message_id\": \"h-1\", \"status\": \"success\", "
                        + "\"driver_id\": \"driver_001\", \"history\": [{\"session_id\": \"s-1\", \"cp_id\": \"cp_001\", "
                        + "\"start_time\": \"2025-11-20T10:15:30.123456\", \"end_time\": \"2025-11-20T10:16:00.654321\", "
                        + "\"energy_consumed_kwh\": 0.29, \"total_cost\": 0.06, \"status\": \"completed\"}], \"count\": 1, "
                        + "\"timestamp\": 1763633730}",
                new ChargingHistoryResponse("h-1", "success", "driver_001",
                        List.of(new ChargingHistoryEntry("s-1", "cp_001", "2025-11-20T10:15:30.123456",
                                "2025-11-20T10:16:00.654321", 0.29, 0.06, "completed")), 1, T, null, null));
        add(MessageType.CHARGING_STATUS_UPDATE,
                "{\"type\": \"charging_status_update\", \"message_id\": \"f-1\", \"driver_id\": \"driver_001\", "
                        + "\"session_id\": \"s-1\", \"cp_id\": \"cp_001\", \"status\": \"error\", "
                        + "\"message\": \"\\u26a0\\ufe0f  Charging Point has experienced a FAULT. Charging session suspended.\", "
                        + "\"reason\": \"CP_ENGINE_FAULT\", \"energy_consumed_kwh\": 0.12, \"total_cost\": 0.02, "
                        + "\"timestamp\": 1763633730}",
                new ChargingStatusUpdate("f-1", T, "driver_001", "s-1", "cp_001", 0.12, 0.02, "error",
                        ChargingStatusUpdate.ENGINE_FAULT_MESSAGE, ChargingStatusUpdate.ENGINE_FAULT_REASON));
        add(MessageType.CONNECTION_ERROR,
                "{\"type\": \"connection_error\", \"message_id\": \"k-1\", \"timestamp\": 1763633730, "
                        + "\"driver_id\": \"driver_001\", \"reason\": \"Central is shutting down\", "
                        + "\"info\": \"Cannot connect to Central. Please try again later.\"}",
                new ConnectionError("k-1", T, "driver_001", "Central is shutting down",
                        "Cannot connect to Central. Please try again later."));
    }

    private WireSamples() {
    }

    static Sample of(MessageType type) {
        return SAMPLES.get(type);
    }

    static List<Sample> all() {
        return List.copyOf(SAMPLES.values());
    }

    private static void add(MessageType type, String pythonJson, WireMessage expected) {
        SAMPLES.put(type, new Sample(type, pythonJson, expected));
    }

    private static void addGeneric(MessageType type, String messageId, String status, String info) {
        add(type, "{\"type\": \"" + type.wire() + "\", \"message_id\": \"" + messageId + "\", \"status\": \"" + status
                        + "\", \"info\": \"" + info + "\", \"session_id\": \"\"}",
                new Response(type.wire(), messageId, status, info, "", null, null));
    }
}
