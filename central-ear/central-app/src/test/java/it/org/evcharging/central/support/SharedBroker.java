package it.org.evcharging.central.support;

import java.time.Duration;

import org.evcharging.kafka.KafkaBrokerProcess;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The run's Kafka broker on the reserved {@code it.kafka.port}, for test classes that need a broker
 * but not {@link SharedCentral}'s Central (the Arquillian ITs, whose Central is the container's).
 * Started by the first class, kept in the root store, stopped when the run ends. Register it before
 * {@code @ArquillianTest} so the broker is up when the container's Central starts.
 */
public final class SharedBroker implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBroker.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Broker.class, type -> new Broker(), Broker.class).ensureRunning();
    }

    /** Owns the broker process; the root store closes it once, at the end of the run. */
    static final class Broker implements AutoCloseable {

        private final KafkaBrokerProcess process = KafkaBrokerProcess.builder()
                .port(ItSettings.kafkaPort())
                .dataDir(ItSettings.workDir("shared-broker").resolve("kafka"))
                .startTimeout(Duration.ofSeconds(60))
                .build();

        synchronized void ensureRunning() {
            if (!process.isAlive()) {
                long begin = System.nanoTime();
                process.start();
                System.out.printf("[timing] shared broker ready in %d ms%n", (System.nanoTime() - begin) / 1_000_000);
            }
        }

        @Override
        public synchronized void close() {
            process.close();
        }
    }
}
