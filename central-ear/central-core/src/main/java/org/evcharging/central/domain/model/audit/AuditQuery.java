package org.evcharging.central.domain.model.audit;

import java.time.Instant;

import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.domain.shared.InvalidInputException;

/**
 * A page of the audit log: every filter is optional (null = any), {@code from} inclusive and
 * {@code to} exclusive, newest first, {@code offset} records skipped.
 */
public record AuditQuery(String actor, String action, AuditEntry.Outcome outcome, Instant from, Instant to,
        int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidInputException("offset cannot be negative");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("from must be before to");
        }
        actor = blankToNull(actor);
        action = blankToNull(action);
    }

    /** Parses the text filters of a request; an unknown outcome or a malformed time is refused. */
    public static AuditQuery parse(String actor, String action, String outcome, String from, String to,
            Integer limit, Integer offset) {
        return new AuditQuery(actor, action, outcome(outcome), instant("from", from), instant("to", to),
                limit == null ? DEFAULT_LIMIT : limit, offset == null ? 0 : offset);
    }

    private static AuditEntry.Outcome outcome(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        for (AuditEntry.Outcome outcome : AuditEntry.Outcome.values()) {
            if (outcome.name().equalsIgnoreCase(text.strip())) {
                return outcome;
            }
        }
        throw new InvalidInputException("outcome must be DONE or REFUSED");
    }

    private static Instant instant(String name, String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(name + " must be an ISO-8601 instant such as 2026-11-30T12:00:00Z");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
