package org.evcharging.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evcharging.api.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerRestartTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void restartOnTheSameDirectoryAndPortKeepsRecordsAndClusterId() {
        String prefix = KafkaTestClients.uniquePrefix("driver");
        List<String> keys = KafkaTestClients.uniqueKeys(prefix, 3);
        int port;
        String clusterId;
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.builder().dataDir(dataDir).build()) {
            first.start(TIMEOUT);
            port = first.port();
            clusterId = first.clusterId();
            KafkaTestClients.produce(first.bootstrapServers(), Topics.DRIVER_CHARGE_REQUESTS, keys, 20);
        }

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.builder().dataDir(dataDir).port(port).build()) {
            second.start(TIMEOUT);

            assertThat(second.bootstrapServers()).isEqualTo("localhost:" + port);
            assertThat(second.clusterId()).isEqualTo(clusterId);
            List<ConsumerRecord<String, String>> records = KafkaTestClients.consume(second.bootstrapServers(),
                    Topics.DRIVER_CHARGE_REQUESTS, prefix, 60, TIMEOUT);
            assertThat(records).hasSize(60);
        }
    }
}
