package org.evcharging.central.application;

/**
 * One line of the operator panel's live feed: a driver's request, Central's decision, a fault, a
 * recovery or a state change. Fired as a CDI event where it happens; carries no personal data
 * beyond the driver id.
 */
public record PanelNotice(Kind kind, String cpId, String driverId, String text, long atMillis) {

    /** What the line is about; the panel styles each kind. */
    public enum Kind { REQUEST, ACCEPTED, REFUSED, ENDED, FAULT, RECOVERY, STATE, OPERATOR }

    public static PanelNotice of(Kind kind, String cpId, String driverId, String text) {
        return new PanelNotice(kind, cpId, driverId, text, System.currentTimeMillis());
    }

    public static PanelNotice request(String cpId, String driverId) {
        return of(Kind.REQUEST, cpId, driverId, "Driver " + driverId + " asks to charge at " + cpId);
    }

    public static PanelNotice fault(String cpId, String detail) {
        return of(Kind.FAULT, cpId, null, "CP " + cpId + " reports a fault" + (detail == null ? "" : ": " + detail));
    }

    public static PanelNotice recovery(String cpId) {
        return of(Kind.RECOVERY, cpId, null, "CP " + cpId + " recovered");
    }

    public static PanelNotice operator(String action, String cpId) {
        return of(Kind.OPERATOR, cpId, null, "Operator " + action + " CP " + cpId);
    }
}
