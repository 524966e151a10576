package it.org.evcharging.central.support;

import java.util.regex.Matcher;

/** What an Engine prints that tests read as the truth: its own meter, independent of Central and Kafka. */
public final class EngineLines {

    private EngineLines() {
    }

    /** "Supply stopped session=S ended_by=E energy=X kWh": group 1 how it ended, group 2 the metered kWh. */
    public static String supplyStopped(String sessionId) {
        return "Supply stopped session=" + sessionId + " ended_by=(\\S+) energy=([0-9.]+) kWh";
    }

    /** The metered kWh of a {@link #supplyStopped} match. */
    public static double kwh(Matcher supplyStopped) {
        return Double.parseDouble(supplyStopped.group(2));
    }
}
