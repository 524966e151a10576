package org.evcharging.agent.driver;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.evcharging.api.message.driver.AvailableCp;
import org.evcharging.api.message.driver.ChargingHistoryEntry;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.model.SessionEnding;

/**
 * Everything the driver sees, as plain lines that people read and scripts grep. On a terminal the
 * live charging line is redrawn in place instead of scrolling one line per second.
 */
final class DriverView {

    private static final String RULE = "=".repeat(50);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final PrintStream out;
    private final boolean redraw;
    private boolean liveLineOpen;

    DriverView(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    synchronized void line(String text) {
        closeLiveLine();
        out.println(text);
        out.flush();
    }

    /** "Charging cp_001: 0.050 kWh, 0.01 EUR": a new line each time, or one redrawn line on a terminal. */
    synchronized void progress(String cpId, double energyKwh, double cost) {
        String text = "Charging " + cpId + ": " + amounts(energyKwh, cost);
        if (redraw) {
            out.print("\r" + text + "   ");
            liveLineOpen = true;
            out.flush();
        } else {
            line(text);
        }
    }

    void menu(String driverId, String status) {
        line(String.join("\n", RULE, "EV_DRIVER - DRIVER CONTROL MENU  (driver " + driverId + ", " + status + ")",
                RULE, "CHARGING OPERATIONS:", "[1] List available charging points",
                "[2] Request charging (requires CP ID)", "[3] Stop current charging session", "INFORMATION:",
                "[4] Show current charging status", "[5] Show charging history", "EXIT:",
                "[0] Exit Driver Application", RULE));
    }

    void availableCps(List<AvailableCp> cps) {
        if (cps.isEmpty()) {
            line("No charging points available");
            return;
        }
        StringBuilder text = new StringBuilder("Available charging points (" + cps.size() + "):");
        for (AvailableCp cp : cps) {
            text.append(String.format(Locale.ROOT, "%n  %-12s %-24s %s EUR/kWh  %s", cp.id(), orDash(cp.location()),
                    cp.pricePerKwh() == null ? "-" : String.format(Locale.ROOT, "%.3f", cp.pricePerKwh()),
                    orDash(cp.status())));
        }
        line(text.toString());
    }

    void history(List<ChargingHistoryEntry> entries) {
        if (entries.isEmpty()) {
            line("No completed charging sessions");
            return;
        }
        StringBuilder text = new StringBuilder("Charging history (" + entries.size() + "):");
        for (ChargingHistoryEntry e : entries) {
            text.append(String.format(Locale.ROOT, "%n  %s  %s  %s -> %s  %s", e.sessionId(), e.cpId(),
                    orDash(e.startTime()), orDash(e.endTime()), amounts(e.energyConsumedKwh(), e.totalCost())));
        }
        line(text.toString());
    }

    /** The driver's most recent ended charge, shown at start: its ticket may have gone out while they were away. */
    void lastCharge(ChargingHistoryEntry e) {
        line(String.format(Locale.ROOT, "Your last charge: session %s at %s, %s -> %s, %s (%s)", e.sessionId(),
                orDash(e.cpId()), orDash(e.startTime()), orDash(e.endTime()),
                amounts(e.energyConsumedKwh(), e.totalCost()), orDash(e.status())));
    }

    void ticket(ChargeCompletion ticket, String driverId) {
        String ending = ticket.ending().map(SessionEnding::description)
                .orElse(ticket.endedBy() == null ? "not stated" : ticket.endedBy());
        String end = ticket.endTime() != null ? ticket.endTime()
                : ticket.timestamp() != null ? LOCAL.format(Instant.ofEpochSecond(ticket.timestamp())) : "-";
        line(String.join("\n", RULE, "EV CHARGING SERVICE - TICKET", RULE,
                "Session:  " + ticket.sessionId(),
                "CP:       " + orDash(ticket.cpId()),
                "Driver:   " + (ticket.driverId() != null ? ticket.driverId() : driverId),
                "Start:    " + orDash(ticket.startTime()),
                "End:      " + end,
                "Energy:   " + (ticket.energyConsumedKwh() == null ? "-"
                        : String.format(Locale.ROOT, "%.3f kWh", ticket.energyConsumedKwh())),
                "Cost:     " + (ticket.totalCost() == null ? "-"
                        : String.format(Locale.ROOT, "%.2f EUR", ticket.totalCost())),
                "Ended:    " + ending,
                RULE));
    }

    static String amounts(Double energyKwh, Double cost) {
        return String.format(Locale.ROOT, "%.3f kWh, %.2f EUR",
                energyKwh == null ? 0.0 : energyKwh, cost == null ? 0.0 : cost);
    }

    private void closeLiveLine() {
        if (liveLineOpen) {
            out.println();
            liveLineOpen = false;
        }
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
