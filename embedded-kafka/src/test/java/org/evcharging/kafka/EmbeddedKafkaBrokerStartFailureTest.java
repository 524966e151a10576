package org.evcharging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a start can fail ends in a prompt, readable exception, never in a hang. */
class EmbeddedKafkaBrokerStartFailureTest {

    private static final Duration FAIL_FAST = Duration.ofSeconds(5);

    @TempDir
    Path dataDir;

    @Test
    void aTakenClientPortFailsFastAndSaysWhich() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0)) {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).port(squatter.getLocalPort()).build();

            assertTimeoutPreemptively(FAIL_FAST, () -> assertThatThrownBy(() -> broker.start(Duration.ofSeconds(60)))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + squatter.getLocalPort())
                    .hasMessageContaining("already in use"));
            assertThat(broker.isRunning()).isFalse();
        }
    }

    @Test
    void aTakenControllerPortFailsFastToo() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0)) {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir)
                    .controllerPort(squatter.getLocalPort()).build();

            assertTimeoutPreemptively(FAIL_FAST, () -> assertThatThrownBy(() -> broker.start(Duration.ofSeconds(60)))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("controller"));
        }
    }

    @Test
    void aStartSlowerThanItsTimeoutFailsOnTimeAndCloseFreesThePort() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).build();

        assertTimeoutPreemptively(FAIL_FAST, () -> assertThatThrownBy(() -> broker.start(Duration.ofMillis(1)))
                .isInstanceOf(BrokerStartException.class)
                .hasMessageContaining("did not start within"));
        assertThat(broker.isRunning()).isFalse();

        assertTimeoutPreemptively(Duration.ofSeconds(40), broker::close);
        Ports.requireFree(broker.port(), "client port after the failed start");
        Ports.requireFree(broker.controllerPort(), "controller port after the failed start");
    }

    @Test
    void anUnusableDataDirectoryIsReportedAsSuch() throws IOException {
        Path notADirectory = Files.createFile(dataDir.resolve("a-file"));
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(notADirectory).build();

        assertTimeoutPreemptively(FAIL_FAST, () -> assertThatThrownBy(() -> broker.start(Duration.ofSeconds(60)))
                .isInstanceOf(BrokerStartException.class)
                .hasMessageContaining(notADirectory.toString()));
    }
}
