package org.evcharging.central.infrastructure.ocpp;

/** The CALLERROR codes of OCPP-J 1.6 (section 4.2.3), spelled as the specification spells them. */
public enum OcppErrorCode {
    NotImplemented,
    NotSupported,
    InternalError,
    ProtocolError,
    SecurityError,
    FormationViolation,
    PropertyConstraintViolation,
    OccurenceConstraintViolation,
    TypeConstraintViolation,
    GenericError
}
