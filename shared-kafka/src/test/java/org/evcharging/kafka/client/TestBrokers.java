package org.evcharging.kafka.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.evcharging.kafka.EmbeddedKafkaBroker;

/** Real brokers for the tests, each on its own data directory, started with a bound. */
final class TestBrokers {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private TestBrokers() {
    }

    static EmbeddedKafkaBroker started(Path dataDir) {
        return started(dataDir, freePort());
    }

    /** A broker on a port chosen beforehand, so clients can be pointed at it while it is still down. */
    static EmbeddedKafkaBroker started(Path dataDir, int port) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).port(port).build();
        broker.start(START_TIMEOUT);
        return broker;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids nobody else in the run uses, so tests sharing a broker keep apart. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
