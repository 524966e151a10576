package org.evcharging.api.model;

import java.util.Locale;
import java.util.Optional;

/**
 * How a supply ended, carried as {@code ended_by} on {@code charge_completion} so the driver's
 * ticket can say it (the first implementation never transmitted it, 10.3).
 */
public enum SessionEnding {

    UNPLUGGED("unplugged", "Unplugged at the charging point"),
    DRIVER_STOP("driver_stop", "Stopped by the driver"),
    OPERATOR_STOP("operator_stop", "Stopped by the operator"),
    MAX_DURATION("max_duration", "Maximum charging time reached"),
    ENGINE_FAULT("engine_fault", "Charging point fault"),
    MONITOR_LOST("monitor_lost", "Charging point monitor lost"),
    CENTRAL_LOST("central_lost", "Connection to Central lost"),
    START_FAILED("start_failed", "The charging point did not start the supply");

    private final String wire;
    private final String description;

    SessionEnding(String wire, String description) {
        this.wire = wire;
        this.description = description;
    }

    public String wire() {
        return wire;
    }

    /** Ended because Central told the CP to stop (driver's or operator's stop), not by the CP itself. */
    public boolean commandedByCentral() {
        return this == DRIVER_STOP || this == OPERATOR_STOP;
    }

    /** A sentence for the driver's ticket. */
    public String description() {
        return description;
    }

    /**
     * Tolerant on purpose: {@code driver_stop}, {@code DRIVER_STOP}, {@code driver-stop} and
     * {@code Driver Stop} all read the same, since this field is ours and other writers may differ
     * in case or separator.
     */
    public static Optional<SessionEnding> fromWire(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        String normalised = wire.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (SessionEnding ending : values()) {
            if (ending.wire.equals(normalised)) {
                return Optional.of(ending);
            }
        }
        return Optional.empty();
    }
}
