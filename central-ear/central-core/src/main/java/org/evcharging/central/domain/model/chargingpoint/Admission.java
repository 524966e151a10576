package org.evcharging.central.domain.model.chargingpoint;

import java.util.function.BiPredicate;

/**
 * Whether a Monitor's {@code auth_request} lets its connection speak for a known CP. A CP with a
 * credential is admitted only by it; a legacy CP (a first-implementation Monitor, which has none)
 * by its id alone; a pending CP keeps waiting for the operator.
 */
public enum Admission {
    BY_CREDENTIAL(null),
    BY_ID_LEGACY(null),
    /** The connection proved it before any message: an OCPP charger at its WebSocket handshake. */
    BY_CONNECTION(null),
    PENDING(null),
    NO_CREDENTIAL("no credential presented"),
    WRONG_CREDENTIAL("wrong credential"),
    NO_CREDENTIAL_ISSUED("it has no valid credential (never issued or revoked): the operator must issue one");

    private final String reason;

    Admission(String reason) {
        this.reason = reason;
    }

    /**
     * The rule. {@code matches} compares a presented secret with the stored hash (slow on purpose:
     * called once per connection, never per frame).
     */
    public static Admission of(ChargingPoint cp, String presented, BiPredicate<String, String> matches) {
        if (!cp.isAuthorized()) {
            return PENDING;
        }
        boolean offered = presented != null && !presented.isBlank();
        if (offered && cp.hasCredential() && matches.test(presented, cp.credentialHash())) {
            return BY_CREDENTIAL;
        }
        if (cp.isLegacy()) {
            return BY_ID_LEGACY;
        }
        if (!cp.hasCredential()) {
            return NO_CREDENTIAL_ISSUED;
        }
        return offered ? WRONG_CREDENTIAL : NO_CREDENTIAL;
    }

    public boolean isAdmitted() {
        return reason == null && this != PENDING;
    }

    /** The refusal as the Monitor and the audit log read it; null when admitted or pending. */
    public String refusal(CpId id) {
        return reason == null ? null : "Authentication refused for charging point " + id + ": " + reason;
    }
}
