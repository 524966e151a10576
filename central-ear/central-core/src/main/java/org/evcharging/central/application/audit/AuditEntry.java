package org.evcharging.central.application.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log: who did what, from where, with which parameters, and what came of it.
 * Security refusals are recorded like actions, with the reason as {@code detail}.
 *
 * @param actor      the signed-in operator, the driver, or {@code cp:<id>} for a charging point; never null
 * @param sourceIp   where the request came from, or null when it has no network source (a scheduled task)
 * @param action     what was attempted, a short dotted name such as {@code cp.stop} or {@code monitor.auth}
 * @param parameters the attempt's arguments in a human-readable form (never a secret), or null
 * @param detail     why it was refused, or what it changed; null when there is nothing to add
 */
public record AuditEntry(Instant at, String actor, String sourceIp, String action, String parameters,
        Outcome outcome, String detail) {

    /** Whether the attempt went through. */
    public enum Outcome { DONE, REFUSED }

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static AuditEntry done(String actor, String sourceIp, String action, String parameters) {
        return new AuditEntry(Instant.now(), actor, sourceIp, action, parameters, Outcome.DONE, null);
    }

    public static AuditEntry refused(String actor, String sourceIp, String action, String parameters, String reason) {
        return new AuditEntry(Instant.now(), actor, sourceIp, action, parameters, Outcome.REFUSED, reason);
    }
}
