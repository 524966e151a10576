package org.evcharging.agent.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.evcharging.api.message.session.ChargeCompletion;

/** The receipt the Engine prints when a supply ends, laid out like the design's "EV CHARGING SERVICE" ticket. */
final class ChargeTicket {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final String RULE = "=====";

    private ChargeTicket() {
    }

    static String render(Supply supply, ChargeCompletion report) {
        String ending = report.ending().map(e -> e.description()).orElse(report.endedBy());
        return String.join("\n",
                "Charging Completed",
                RULE,
                "EV CHARGING SERVICE",
                RULE,
                "",
                "Session Information",
                "Session ID: " + report.sessionId(),
                "Charging Point: " + report.cpId(),
                "Driver ID: " + report.driverId(),
                "",
                "Charging Details",
                "Start Time: " + TIME.format(Instant.ofEpochMilli(supply.authorizedAt())),
                "End Time: " + TIME.format(Instant.ofEpochSecond(report.timestamp())),
                String.format(Locale.ROOT, "Energy Consumed: %.3f kWh", report.energyConsumedKwh()),
                "Ended By: " + ending,
                "",
                "Payment Summary",
                String.format(Locale.ROOT, "Total Cost: €%.2f", report.totalCost()),
                "",
                RULE);
    }

    /** {@code energy=0.120 kWh cost=0.02 €}, for event lines. */
    static String amounts(ChargeCompletion report) {
        return amounts(report.energyConsumedKwh(), report.totalCost());
    }

    static String amounts(double kwh, double euros) {
        return String.format(Locale.ROOT, "energy=%.3f kWh cost=%.2f €", kwh, euros);
    }
}
