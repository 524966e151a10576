package org.evcharging.kafka;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka contract against the in-process broker, started on a free port. */
class EmbeddedKafkaContractTest extends KafkaContractTest {

    @TempDir
    static Path dataDir;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).build();
        broker.start(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Override
    protected String bootstrapServers() {
        return broker.bootstrapServers();
    }
}
