package org.evcharging.agent.monitor;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The Monitor's live status panel. On a terminal it is redrawn in place (ANSI), like the design's
 * screenshot, with the latest events beneath; otherwise (a pipe, a log file) it prints one summary
 * line whenever something in it changes, so logs stay readable and greppable.
 */
final class StatusPanel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String CLEAR = "\033[H\033[2J";
    private static final String RESET = "\033[0m";
    private static final int RECENT_EVENTS = 10;

    private final PrintStream out;
    private final boolean terminal;
    private final Deque<String> recent = new ArrayDeque<>();
    private String lastSummary;

    StatusPanel(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    boolean terminal() {
        return terminal;
    }

    /** On a terminal, event lines join the panel instead of scrolling it away. */
    synchronized void event(String line) {
        recent.addLast(line);
        while (recent.size() > RECENT_EVENTS) {
            recent.removeFirst();
        }
    }

    synchronized void show(PanelView view) {
        if (terminal) {
            out.print(CLEAR + render(view, Instant.now()));
            out.flush();
            return;
        }
        String summary = view.summary();
        if (!summary.equals(lastSummary)) {
            lastSummary = summary;
            out.println(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss.SSS")) + " " + summary);
            out.flush();
        }
    }

    private String render(PanelView v, Instant now) {
        StringBuilder text = new StringBuilder();
        text.append("===== EV_CP_M - MONITOR STATUS PANEL =====\n")
                .append(row("Charging Point ID", v.cpId()))
                .append(row("Update Time", LocalDateTime.now().format(TIME)))
                .append("-- Charging Point Status --\n")
                .append(row("Current Status", colour(v.status()) + v.status() + RESET))
                .append("-- Component Status --\n")
                .append(row("Central", (v.centralConnected() ? "CONNECTED" : "DISCONNECTED") + "  " + v.centralAddress()))
                .append(row("Engine", (v.engineConnected() ? "CONNECTED" : "DISCONNECTED") + "  " + v.engineAddress()))
                .append("-- Authentication & Registration --\n")
                .append(row("Auth Status", v.authText()))
                .append(row("Registration Status", v.registrationText()))
                .append("-- Engine Health Check --\n")
                .append(row("Engine Health", v.engineHealth()))
                .append(row("Last Response", v.lastAnswerText(now)))
                .append(row("Check Interval", v.healthInterval().toMillis() / 1000.0 + "s (fault after "
                        + v.healthMisses() + " missed)"))
                .append("-- Central Heartbeat --\n")
                .append(row("Heartbeat Status", v.heartbeatText()))
                .append(row("Heartbeat Interval", v.heartbeatSeconds() + "s"))
                .append(row("Outbox", v.outboxSize() + " completion(s) waiting for CENTRAL"))
                .append("-- Recent events --\n");
        recent.forEach(line -> text.append(line).append('\n'));
        return text.append("(Ctrl+C stops the Monitor)\n").toString();
    }

    private static String row(String label, String value) {
        return String.format("  %-20s %s%n", label + ":", value);
    }

    /** The panels' colours (SPEC §3): green available/charging, orange stopped, red faulty, grey disconnected. */
    private static String colour(String status) {
        return switch (status) {
            case "ACTIVE", "CHARGING" -> "\033[32m";
            case "STOPPED" -> "\033[33m";
            case "FAULTY" -> "\033[31m";
            default -> "\033[90m";
        };
    }
}
