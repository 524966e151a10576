package org.evcharging.central.application;

import java.time.Instant;

/** Session times on the wire: ISO-8601 UTC, e.g. {@code 2026-11-24T10:15:30Z}. */
public final class Times {

    private Times() {
    }

    public static String iso(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}
