package org.evcharging.kafka;

/**
 * Runs the broker as its own process. Scripts wait for the single line
 * {@code Kafka broker ready on HOST:PORT} on standard output; SIGTERM or Ctrl+C stop it cleanly.
 */
public final class KafkaBrokerMain {

    public static final String READY_PREFIX = "Kafka broker ready on ";
    public static final String STOPPED_LINE = "Kafka broker stopped";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        BrokerLogging.quietByDefault();
        BrokerCommandLine commandLine;
        try {
            commandLine = BrokerCommandLine.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.println(BrokerCommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (commandLine.helpRequested()) {
            System.out.println(BrokerCommandLine.USAGE);
            return;
        }
        EmbeddedKafkaBroker broker = commandLine.toBroker();
        try {
            broker.start(commandLine.startTimeout());
        } catch (RuntimeException e) {
            System.err.println("Error: " + e.getMessage());
            // Halt, not exit: a half-started Kafka may hold threads that would keep the JVM alive.
            Runtime.getRuntime().halt(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
                System.out.println(STOPPED_LINE);
            } catch (RuntimeException e) {
                System.err.println("Error: " + e.getMessage());
            }
        }, "kafka-broker-shutdown"));
        System.out.println(READY_PREFIX + broker.bootstrapServers());
    }
}
