package org.evcharging.api.model;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A charging session's state, with the wire strings of the sessions table (§8). */
public enum SessionState {

    /** Accepted by Central; the CP has been told to supply. */
    AUTHORIZED("authorized"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    FAILED("failed");

    private static final Map<SessionState, Set<SessionState>> NEXT = new EnumMap<>(SessionState.class);

    static {
        // Authorized but not yet supplying: the CP may never start (FAILED) or the driver give up.
        NEXT.put(AUTHORIZED, EnumSet.of(IN_PROGRESS, CANCELLED, FAILED));
        // Once energy flows the session always ends COMPLETED, so what was metered is billed.
        NEXT.put(IN_PROGRESS, EnumSet.of(COMPLETED));
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

    /** The states of a session that has not ended. */
    public static Set<SessionState> unfinished() {
        return EnumSet.of(AUTHORIZED, IN_PROGRESS);
    }

    /** The next state, or IllegalStateException when this table forbids the move (a bug, not a refusal). */
    public SessionState moveTo(SessionState next) {
        if (!canTransitionTo(next)) {
            throw new IllegalStateException("A charging session cannot go from " + this + " to " + next);
        }
        return next;
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
