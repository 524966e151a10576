package org.evcharging.agent.console;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The process's story on standard output: one stable, time-stamped line per event ("Supply
 * started session=...", "Cannot connect to CENTRAL ..."), which people read and scripts grep.
 * Diagnostics (bad frames, stack traces) go to java.util.logging on standard error instead.
 */
public final class EventLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintStream out;
    private final Consumer<String> printer;
    private volatile Consumer<String> sink;

    public EventLog(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
        this.printer = line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        };
        this.sink = printer;
    }

    /** An event, time-stamped. */
    public void event(String message) {
        sink.accept(TIME.format(LocalTime.now()) + " " + message);
    }

    /** Text printed as is (menus, tickets, banners), one or more lines. */
    public void text(String block) {
        synchronized (out) {
            out.print(block.endsWith("\n") ? block : block + "\n");
            out.flush();
        }
    }

    /** Sends events somewhere else, e.g. into a status panel that redraws the screen. */
    public void redirectEvents(Consumer<String> newSink) {
        this.sink = Objects.requireNonNull(newSink, "newSink");
    }

    /** Prints events again, e.g. once the panel that took them stops redrawing. */
    public void printEvents() {
        this.sink = printer;
    }

    public PrintStream out() {
        return out;
    }
}
