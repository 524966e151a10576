package org.evcharging.central.application;

import java.util.Optional;

/**
 * Something for the Central that owns a CP, made on another Central: a driver's request consumed
 * there, or an operator's action whose database change is already committed. {@code target} is the
 * owner when it was sent; {@code body} the driver's original record (null for operator actions).
 */
public record CpCommand(Kind kind, String cpId, String target, String origin, String body) {

    /** What the owner is to do; the wire names are the lower-case names. */
    public enum Kind {
        /** A driver's charge request: the owner opens the session and tells the CP. */
        CHARGE,
        /** A driver's stop of the session on the CP. */
        STOP_CHARGING,
        /** The operator stopped the CP: its supply ends, its Monitor is told. */
        OPERATOR_STOP,
        OPERATOR_RESUME,
        /** The operator authorized the CP while its Monitor waited on the owner's connection. */
        ADMIT,
        /** The CP's credential was revoked or it left the registry: its Monitor is cut off. */
        DISCONNECT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Kind> fromWire(String wire) {
            for (Kind kind : values()) {
                if (kind.wire().equals(wire)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }
}
