package org.evcharging.central.domain.model.chargingpoint;

import java.util.Objects;
import java.util.regex.Pattern;

import org.evcharging.central.domain.shared.InvalidInputException;

/** A charging point's identity as the wire carries it ({@code "cp_001"}): non-blank, printable, bounded. */
public record CpId(String value) {

    public static final int MAX_LENGTH = 64;
    /** Addresses every CP in operator commands, as in the design's console and {@code manual_command}. */
    public static final String ALL = "all";
    private static final Pattern ALLOWED = Pattern.compile("[\\p{Alnum}_.:\\-]{1," + MAX_LENGTH + "}");

    public CpId {
        Objects.requireNonNull(value, "CP id");
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidInputException("Invalid CP id '" + value
                    + "': use 1-" + MAX_LENGTH + " letters, digits, '_', '-', '.' or ':'");
        }
        if (ALL.equalsIgnoreCase(value)) {
            throw new InvalidInputException("'" + value + "' is reserved: it means every charging point");
        }
    }

    public static CpId of(String value) {
        return new CpId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
