package org.evcharging.central.infrastructure.ocpp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * The payloads of the OCPP 1.6 Core profile messages Central takes or sends. Each request refuses
 * itself, with the CALLERROR code OCPP-J names, when a required field is missing
 * (OccurenceConstraintViolation) or a value is outside its range (PropertyConstraintViolation).
 */
public final class Ocpp16 {

    static final Set<String> STATUSES = Set.of("Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV",
            "Finishing", "Reserved", "Unavailable", "Faulted");
    static final Set<String> ERROR_CODES = Set.of("ConnectorLockFailure", "EVCommunicationError", "GroundFailure",
            "HighTemperature", "InternalError", "LocalListConflict", "NoError", "OtherError", "OverCurrentFailure",
            "PowerMeterFailure", "PowerSwitchFailure", "ReaderFailure", "ResetFailure", "UnderVoltage", "OverVoltage",
            "WeakSignal");
    static final Set<String> STOP_REASONS = Set.of("EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other",
            "PowerLoss", "Reboot", "Remote", "SoftReset", "UnlockCommand", "DeAuthorized");
    public static final Set<String> RESET_TYPES = Set.of("Hard", "Soft");
    public static final Set<String> TRIGGERABLE = Set.of("BootNotification", "DiagnosticsStatusNotification",
            "FirmwareStatusNotification", "Heartbeat", "MeterValues", "StatusNotification");

    private Ocpp16() {
    }

    // Requests of a charger, and Central's answers

    public record BootNotificationReq(String chargePointVendor, String chargePointModel, String chargePointSerialNumber,
                                      String chargeBoxSerialNumber, String firmwareVersion, String iccid, String imsi,
                                      String meterType, String meterSerialNumber) {
        public BootNotificationReq {
            text("chargePointVendor", chargePointVendor, 20, true);
            text("chargePointModel", chargePointModel, 20, true);
            text("chargePointSerialNumber", chargePointSerialNumber, 25, false);
            text("firmwareVersion", firmwareVersion, 50, false);
        }
    }

    public record BootNotificationConf(String status, String currentTime, int interval) {
    }

    public record HeartbeatConf(String currentTime) {
    }

    public record StatusNotificationReq(Integer connectorId, String errorCode, String status, String info,
                                        String timestamp, String vendorId, String vendorErrorCode) {
        public StatusNotificationReq {
            connector("connectorId", connectorId, 0);
            oneOf("errorCode", errorCode, ERROR_CODES);
            oneOf("status", status, STATUSES);
            text("info", info, 50, false);
            if (timestamp != null) {
                instant("timestamp", timestamp);
            }
        }
    }

    public record AuthorizeReq(String idTag) {
        public AuthorizeReq {
            text("idTag", idTag, 20, true);
        }
    }

    public record IdTagInfo(String status) {
    }

    public record AuthorizeConf(IdTagInfo idTagInfo) {
    }

    public record StartTransactionReq(Integer connectorId, String idTag, Long meterStart, Integer reservationId,
                                      String timestamp) {
        public StartTransactionReq {
            connector("connectorId", connectorId, 1);
            text("idTag", idTag, 20, true);
            required("meterStart", meterStart);
            instant("timestamp", timestamp);
        }
    }

    public record StartTransactionConf(IdTagInfo idTagInfo, int transactionId) {
    }

    public record StopTransactionReq(Long meterStop, String timestamp, Integer transactionId, String reason,
                                     String idTag, List<MeterValue> transactionData) {
        public StopTransactionReq {
            required("meterStop", meterStop);
            instant("timestamp", timestamp);
            required("transactionId", transactionId);
            if (reason != null) {
                oneOf("reason", reason, STOP_REASONS);
            }
            text("idTag", idTag, 20, false);
        }

        long endedAtEpochSeconds() {
            return instant("timestamp", timestamp).getEpochSecond();
        }
    }

    public record StopTransactionConf(IdTagInfo idTagInfo) {
    }

    public record MeterValuesReq(Integer connectorId, Integer transactionId, List<MeterValue> meterValue) {
        public MeterValuesReq {
            connector("connectorId", connectorId, 0);
            required("meterValue", meterValue);
        }
    }

    public record MeterValue(String timestamp, List<SampledValue> sampledValue) {
        public MeterValue {
            instant("timestamp", timestamp);
            required("sampledValue", sampledValue);
        }
    }

    public record SampledValue(String value, String context, String format, String measurand, String phase,
                               String location, String unit) {
        public SampledValue {
            required("value", value);
        }
    }

    /** The answer of StatusNotification, MeterValues and other acknowledgements: {}. */
    public record Empty() {
    }

    // Central's requests to a charger, and its answers

    public record RemoteStartTransactionReq(Integer connectorId, String idTag) {
    }

    public record RemoteStopTransactionReq(int transactionId) {
    }

    public record ChangeAvailabilityReq(int connectorId, String type) {
    }

    public record ResetReq(String type) {
    }

    public record TriggerMessageReq(String requestedMessage, Integer connectorId) {
    }

    /** The answer of every request Central sends: a status (Accepted, Rejected, Scheduled, NotImplemented…). */
    public record StatusConf(String status) {
    }

    static Instant instant(String field, String value) {
        required(field, value);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw property(field + " '" + value + "' is not an ISO 8601 date-time with offset");
        }
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw new OcppViolation(OcppErrorCode.OccurenceConstraintViolation, "Required field " + field + " is missing");
        }
    }

    private static void text(String field, String value, int maxLength, boolean required) {
        if (required) {
            required(field, value);
        }
        if (value != null && value.length() > maxLength) {
            throw property(field + " is longer than " + maxLength + " characters");
        }
    }

    private static void connector(String field, Integer value, int min) {
        required(field, value);
        if (value < min) {
            throw property(field + " must be >= " + min);
        }
    }

    private static void oneOf(String field, String value, Set<String> allowed) {
        required(field, value);
        if (!allowed.contains(value)) {
            throw property(field + " '" + value + "' is not one of " + allowed.stream().sorted().toList());
        }
    }

    private static OcppViolation property(String description) {
        return new OcppViolation(OcppErrorCode.PropertyConstraintViolation, description);
    }
}
