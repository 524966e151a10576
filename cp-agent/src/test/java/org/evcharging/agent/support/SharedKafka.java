package org.evcharging.agent.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.evcharging.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Kafka broker for every test class of the run that asks for it
 * ({@code @ExtendWith(SharedKafka.class)}): starting one costs seconds, so it is started once and
 * stopped when the whole run ends. Tests keep apart by using unique CP and driver ids (keys).
 */
public final class SharedKafka implements BeforeAllCallback {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static EmbeddedKafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (SharedKafka.class) {
            if (broker == null) {
                broker = EmbeddedKafkaBroker.builder().dataDir(tempDir()).build();
                broker.start(START_TIMEOUT);
                AutoCloseable stopAtTheEnd = SharedKafka::stop;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedKafka.class.getName(), stopAtTheEnd);
            }
        }
    }

    public static String bootstrapServers() {
        synchronized (SharedKafka.class) {
            if (broker == null) {
                throw new IllegalStateException("Annotate the test class with @ExtendWith(SharedKafka.class)");
            }
            return broker.bootstrapServers();
        }
    }

    private static void stop() {
        synchronized (SharedKafka.class) {
            broker.close();
            broker = null;
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("cp-agent-kafka");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
