package org.evcharging.central.infrastructure.ocpp;

/** A message Central must answer with a CALLERROR; {@code messageId} is null when the frame had none. */
public class OcppViolation extends RuntimeException {

    private final OcppErrorCode code;
    private final String messageId;

    public OcppViolation(OcppErrorCode code, String description) {
        this(code, null, description);
    }

    public OcppViolation(OcppErrorCode code, String messageId, String description) {
        super(description);
        this.code = code;
        this.messageId = messageId;
    }

    public OcppErrorCode code() {
        return code;
    }

    public String messageId() {
        return messageId;
    }

    /** The same violation, now knowing which CALL it answers. */
    OcppViolation answering(String id) {
        return messageId != null ? this : new OcppViolation(code, id, getMessage());
    }
}
