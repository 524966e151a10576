package org.evcharging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.evcharging.api.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerProcessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void recordsAcknowledgedBeforeAKillAreThereAfterTheRestart() throws IOException {
        String prefix = KafkaTestClients.uniquePrefix("cp");
        List<String> keys = KafkaTestClients.uniqueKeys(prefix, 4);
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.builder().dataDir(dataDir).build()) {
            broker.start();
            KafkaTestClients.produce(broker.bootstrapServers(), Topics.CHARGING_SESSION_COMPLETE, keys, 25);

            broker.kill();
            assertThat(broker.isAlive()).isFalse();

            broker.start();
            assertThat(KafkaTestClients.consume(broker.bootstrapServers(), Topics.CHARGING_SESSION_COMPLETE,
                    prefix, 100, TIMEOUT)).hasSize(100);

            broker.stop();
            assertThat(broker.isAlive()).isFalse();
            assertThat(Files.readString(broker.logFile()))
                    .contains(KafkaBrokerMain.READY_PREFIX + broker.bootstrapServers())
                    .endsWith(KafkaBrokerMain.STOPPED_LINE + System.lineSeparator());
        }
    }

    @Test
    void restartComesBackOnTheSameAddress() {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.builder().dataDir(dataDir).build()) {
            broker.start();
            String before = broker.bootstrapServers();

            broker.restart();

            assertThat(broker.isAlive()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo(before);
        }
    }

    @Test
    void aTakenPortMakesTheChildExitWithItsReason() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0);
                KafkaBrokerProcess broker = KafkaBrokerProcess.builder().dataDir(dataDir)
                        .port(squatter.getLocalPort()).build()) {

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(broker::start)
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessageContaining("exited with code 1")
                    .hasMessageContaining("Port " + squatter.getLocalPort() + " (Kafka client listener) is already in use"));
            assertThat(broker.isAlive()).isFalse();
        }
    }
}
