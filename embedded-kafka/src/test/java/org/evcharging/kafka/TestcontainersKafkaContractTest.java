package org.evcharging.kafka;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same Kafka contract against a broker in a container, showing that {@link EvChargingTopics}
 * works on a cluster it did not start. Skipped where there is no Docker; the embedded variant
 * covers every check here.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersKafkaContractTest extends KafkaContractTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @BeforeAll
    static void createTopics() {
        new EvChargingTopics().ensureCreated(KAFKA.getBootstrapServers(), Duration.ofSeconds(60));
    }

    @Override
    protected String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}
