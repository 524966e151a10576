package org.evcharging.api.message;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.evcharging.api.message.driver.AvailableCpsRequest;
import org.evcharging.api.message.driver.AvailableCpsResponse;
import org.evcharging.api.message.driver.ChargeRequest;
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
 * The protocol table in one place: every wire {@code type} string, the record it binds to, the
 * fields a receiver cannot do without, and the type of Central's generic reply to it.
 *
 * <p>Required fields are listed in the first implementation's order, so that a reply built from
 * them reads exactly like its {@code Missing required fields in message: ...}. Where that
 * implementation treats an absent field as meaningful (a stop without {@code session_id} is an
 * emergency stop; an unknown {@code engine_status} means FAULTY), the field is not required.
 */
public enum MessageType {

    // Monitor -> Central (§3.1); the second argument is the prefix of Central's reply type.
    AUTH_REQUEST("auth_request", AuthRequest.class, "auth_request", "id", "message_id"),
    REGISTER_REQUEST("register_request", RegisterRequest.class, "register",
            "id", "location", "price_per_kwh", "message_id"),
    HEARTBEAT_REQUEST("heartbeat_request", HeartbeatRequest.class, "heartbeat", "id", "message_id"),
    STATUS_UPDATE("status_update", StatusUpdate.class, "status_update", "id", "status", "message_id"),
    FAULT_NOTIFICATION("fault_notification", FaultNotification.class, "fault_notification",
            "id", "failure_info", "message_id"),
    /** Answered as {@code recovery_response_response}: the first implementation's prefix, kept (10.4). */
    RECOVERY_NOTIFICATION("recovery_notification", RecoveryNotification.class, "recovery_response",
            "id", "message_id"),
    CHARGING_DATA("charging_data", ChargingData.class, "charging_data",
            "cp_id", "session_id", "energy_consumed_kwh", "total_cost", "message_id"),
    CHARGE_COMPLETION("charge_completion", ChargeCompletion.class, "charge_completion",
            "cp_id", "session_id", "energy_consumed_kwh", "total_cost", "message_id"),
    MANUAL_COMMAND("manual_command", ManualCommand.class, "manual_command", "command", "cp_id", "message_id"),

    // Central -> Monitor (§3.2)
    /** Success and pending only; a refused {@code auth_request} gets the generic {@code auth_request_response} (10.5). */
    AUTH_RESPONSE("auth_response", AuthResponse.class, null, "status"),
    AUTH_REQUEST_RESPONSE("auth_request_response", Response.class, null, "status"),
    REGISTER_RESPONSE("register_response", Response.class, null, "status"),
    HEARTBEAT_RESPONSE("heartbeat_response", Response.class, null, "status"),
    STATUS_UPDATE_RESPONSE("status_update_response", Response.class, null, "status"),
    FAULT_NOTIFICATION_RESPONSE("fault_notification_response", Response.class, null, "status"),
    RECOVERY_RESPONSE_RESPONSE("recovery_response_response", Response.class, null, "status"),
    CHARGING_DATA_RESPONSE("charging_data_response", Response.class, null, "status"),
    CHARGE_COMPLETION_RESPONSE("charge_completion_response", Response.class, null, "status"),
    MANUAL_COMMAND_RESPONSE("manual_command_response", Response.class, null, "status"),
    /** Central -> Monitor and, with a fresh id, Monitor -> Engine. */
    START_CHARGING_COMMAND("start_charging_command", StartChargingCommand.class, null, "cp_id", "session_id"),
    STOP_CHARGING_SESSION_COMMAND("stop_charging_session_command", StopChargingSessionCommand.class, null),
    STOP_CP_COMMAND("stop_cp_command", StopCpCommand.class, null),
    /** Central -> Monitor and, forwarded unchanged, Monitor -> Engine, which checks the id. */
    RESUME_CP_COMMAND("resume_cp_command", ResumeCpCommand.class, null, "cp_id"),

    // Monitor <-> Engine (§3.3, §3.4)
    INIT_CP_ID("init_cp_id", InitCpId.class, null, "cp_id"),
    /** Our extension: the CP's payload key for signing its Kafka records. */
    PAYLOAD_KEY("payload_key", PayloadKey.class, null, "cp_id", "key_id", "payload_key"),
    HEALTH_CHECK_REQUEST("health_check_request", HealthCheckRequest.class, null),
    HEALTH_CHECK_RESPONSE("health_check_response", HealthCheckResponse.class, null),
    STOP_CHARGING_COMMAND("stop_charging_command", StopChargingCommand.class, null),
    COMMAND_RESPONSE("command_response", CommandResponse.class, null, "status"),
    ERROR_RESPONSE("error_response", ErrorResponse.class, null),

    // Driver -> Central over Kafka (§4.3)
    CHARGE_REQUEST("charge_request", ChargeRequest.class, "charge_request", "cp_id", "driver_id", "message_id"),
    STOP_CHARGING_REQUEST("stop_charging_request", StopChargingRequest.class, "stop_charging",
            "session_id", "cp_id", "driver_id", "message_id"),
    AVAILABLE_CPS_REQUEST("available_cps_request", AvailableCpsRequest.class, "available_cps",
            "message_id", "driver_id"),
    CHARGING_HISTORY_REQUEST("charging_history_request", ChargingHistoryRequest.class, "charging_history",
            "message_id", "driver_id"),

    // Central (and Engine) -> Driver over Kafka (§4.3)
    CHARGE_REQUEST_RESPONSE("charge_request_response", Response.class, null, "status"),
    STOP_CHARGING_RESPONSE("stop_charging_response", Response.class, null, "status"),
    AVAILABLE_CPS_RESPONSE("available_cps_response", AvailableCpsResponse.class, null, "status"),
    CHARGING_HISTORY_RESPONSE("charging_history_response", ChargingHistoryResponse.class, null, "status"),
    CHARGING_STATUS_UPDATE("charging_status_update", ChargingStatusUpdate.class, null, "session_id"),
    CONNECTION_ERROR("connection_error", ConnectionError.class, null);

    private static final String RESPONSE_SUFFIX = "_response";
    private static final Map<String, MessageType> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MessageType::wire, Function.identity()));

    private final String wire;
    private final Class<? extends WireMessage> recordClass;
    private final String responseType;
    private final List<String> requiredFields;

    MessageType(String wire, Class<? extends WireMessage> recordClass, String replyPrefix, String... requiredFields) {
        this.wire = wire;
        this.recordClass = recordClass;
        // Types Central has no handler for get the unknown-type reply "{type}_response".
        this.responseType = (replyPrefix == null ? wire : replyPrefix) + RESPONSE_SUFFIX;
        this.requiredFields = List.of(requiredFields);
    }

    public String wire() {
        return wire;
    }

    public Class<? extends WireMessage> recordClass() {
        return recordClass;
    }

    /** Wire names of the fields whose absence or null value makes the message unusable, in Python's order. */
    public List<String> requiredFields() {
        return requiredFields;
    }

    /** The {@code type} of Central's generic reply ({@link Response}) to this message. */
    public String responseType() {
        return responseType;
    }

    public static Optional<MessageType> fromWire(String wire) {
        return Optional.ofNullable(wire == null ? null : BY_WIRE.get(wire));
    }

    /**
     * The reply type for any received {@code type} string, known or not: an unknown {@code x} is
     * answered as {@code x_response}, and a missing one as {@code None_response}, as Python does.
     */
    public static String responseTypeFor(String requestType) {
        if (requestType == null) {
            return "None" + RESPONSE_SUFFIX;
        }
        return fromWire(requestType).map(MessageType::responseType).orElse(requestType + RESPONSE_SUFFIX);
    }
}
