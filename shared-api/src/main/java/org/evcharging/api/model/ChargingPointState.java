package org.evcharging.api.model;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A charging point's state as Central shows it and Monitors report it. The wire string is the
 * constant's name ({@code ACTIVE}, ...), as in {@code status_update} and {@code engine_status}.
 */
public enum ChargingPointState {

    ACTIVE(PanelColour.GREEN, "Active"),
    /** Out of order by the operator's command; only the operator's resume brings it back. */
    STOPPED(PanelColour.ORANGE, "Out of Order"),
    CHARGING(PanelColour.GREEN, "Charging"),
    FAULTY(PanelColour.RED, "Faulty"),
    /** No sign of life from the Monitor reaches Central, whatever the Engine does. */
    DISCONNECTED(PanelColour.GREY, "Disconnected");

    /** The tile colour on every panel. */
    public enum PanelColour {
        GREEN, ORANGE, RED, GREY;

        /** Lowercase name, usable as a CSS class. */
        public String css() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Map<ChargingPointState, Set<ChargingPointState>> NEXT = new EnumMap<>(ChargingPointState.class);

    static {
        // Losing the Monitor can happen in any state, so DISCONNECTED is reachable from all.
        NEXT.put(ACTIVE, EnumSet.of(CHARGING, STOPPED, FAULTY, DISCONNECTED));
        NEXT.put(CHARGING, EnumSet.of(ACTIVE, STOPPED, FAULTY, DISCONNECTED));
        // A fault does not override the operator: a stopped CP stays stopped until resumed. The
        // resume then shows the truth: faulty if its Engine is KO, charging if a supply is still
        // ending at the CP.
        NEXT.put(STOPPED, EnumSet.of(ACTIVE, CHARGING, FAULTY, DISCONNECTED));
        // Repair must first make the CP available again before any charge; the operator may stop it.
        NEXT.put(FAULTY, EnumSet.of(ACTIVE, STOPPED, DISCONNECTED));
        // A returning Monitor reports what it is: still charging (a supply outlived a Central
        // restart), faulty, or stopped by an operator command it kept.
        NEXT.put(DISCONNECTED, EnumSet.of(ACTIVE, CHARGING, FAULTY, STOPPED));
    }

    private final PanelColour colour;
    private final String label;

    ChargingPointState(PanelColour colour, String label) {
        this.colour = colour;
        this.label = label;
    }

    public PanelColour colour() {
        return colour;
    }

    /** What panels print for this state. */
    public String label() {
        return label;
    }

    /** Only an available CP may start a supply; every other state refuses a charge request. */
    public boolean acceptsNewCharge() {
        return this == ACTIVE;
    }

    /** Re-reporting the current state is always allowed: it changes nothing. */
    public boolean canTransitionTo(ChargingPointState next) {
        return next == this || NEXT.get(this).contains(next);
    }

    /** The next state, or IllegalStateException when this table forbids the move (a bug, not a refusal). */
    public ChargingPointState moveTo(ChargingPointState next) {
        if (!canTransitionTo(next)) {
            throw new IllegalStateException("A charging point cannot go from " + this + " to " + next);
        }
        return next;
    }

    public String wire() {
        return name();
    }

    /** Exact wire string, as Central validates it; anything else is not a state. */
    public static Optional<ChargingPointState> fromWire(String wire) {
        for (ChargingPointState state : values()) {
            if (state.name().equals(wire)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
