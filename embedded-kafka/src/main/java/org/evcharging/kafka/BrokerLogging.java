package org.evcharging.kafka;

/**
 * Keeps the broker's own logging at WARN unless the user chose a level: at INFO a single start
 * prints hundreds of lines (full config dumps), which drowns the output of the system's processes.
 */
final class BrokerLogging {

    private static final String SIMPLE_LOGGER_DEFAULT_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private BrokerLogging() {
    }

    /** Must run before the first logger is created, which is when slf4j-simple reads its settings. */
    static void quietByDefault() {
        if (System.getProperty(SIMPLE_LOGGER_DEFAULT_LEVEL) == null) {
            System.setProperty(SIMPLE_LOGGER_DEFAULT_LEVEL, "warn");
        }
    }
}
