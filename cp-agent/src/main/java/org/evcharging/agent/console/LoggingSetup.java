package org.evcharging.agent.console;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Diagnostics on standard error, one line each. Kafka's client logs a warning on every failed
 * reconnect while a broker is down, so it is kept to errors unless debugging; our own delivery
 * callbacks report what matters. A {@code java.util.logging.config.file} given by the user wins.
 */
public final class LoggingSetup {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    /** Held here because java.util.logging keeps loggers weakly: a collected logger forgets its level. */
    private static final Logger KAFKA = Logger.getLogger("org.apache.kafka");

    private LoggingSetup() {
    }

    public static void configure(boolean debug) {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.ALL);
        handler.setFormatter(new OneLineFormatter());
        root.addHandler(handler);
        root.setLevel(debug ? Level.FINE : Level.INFO);
        KAFKA.setLevel(debug ? Level.INFO : Level.SEVERE);
    }

    /** {@code 12:00:00.000 WARNING [Logger] message}, and the stack trace if any. */
    static final class OneLineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
            String shortName = logger.substring(logger.lastIndexOf('.') + 1);
            StringBuilder line = new StringBuilder()
                    .append(TIME.format(LocalTime.now())).append(' ')
                    .append(record.getLevel().getName()).append(" [").append(shortName).append("] ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                line.append(record.getThrown()).append(System.lineSeparator());
                for (StackTraceElement frame : record.getThrown().getStackTrace()) {
                    line.append("\tat ").append(frame).append(System.lineSeparator());
                }
            }
            return line.toString();
        }
    }
}
