package org.evcharging.api.model;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A charging session's state, with the wire strings of the sessions table (§8). */
public enum SessionState {

    REQUESTED("requested"),
    AUTHORIZED("authorized"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    FAILED("failed"),
    /** Frozen by an Engine fault or restart, with its energy so far; it resumes or completes later. */
    SUSPENDED("suspended");

    private static final Map<SessionState, Set<SessionState>> NEXT = new EnumMap<>(SessionState.class);

    static {
        NEXT.put(REQUESTED, EnumSet.of(AUTHORIZED, CANCELLED, FAILED));
        // Authorized but not yet supplying: the CP may never start (FAILED) or the driver give up.
        NEXT.put(AUTHORIZED, EnumSet.of(IN_PROGRESS, CANCELLED, FAILED));
        // Once energy flows the session always ends COMPLETED, so what was metered is billed.
        NEXT.put(IN_PROGRESS, EnumSet.of(COMPLETED, SUSPENDED));
        NEXT.put(SUSPENDED, EnumSet.of(IN_PROGRESS, COMPLETED));
        NEXT.put(COMPLETED, EnumSet.noneOf(SessionState.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(SessionState.class));
        NEXT.put(FAILED, EnumSet.noneOf(SessionState.class));
    }

    private final String wire;

    SessionState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** A terminal session never changes again; late telemetry must not reopen it (10.22). */
    public boolean isTerminal() {
        return NEXT.get(this).isEmpty();
    }

    /**
     * Staying put is allowed (a duplicate completion rewrites a completed session's data, it does
     * not change its state); leaving a terminal state is not.
     */
    public boolean canTransitionTo(SessionState next) {
        return next == this || NEXT.get(this).contains(next);
    }

    public static Optional<SessionState> fromWire(String wire) {
        for (SessionState state : values()) {
            if (state.wire.equals(wire)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
