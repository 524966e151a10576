package org.evcharging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BrokerCommandLineTest {

    @Test
    void argumentsGiveEverySetting() {
        BrokerCommandLine line = BrokerCommandLine.parse(new String[] {
            "--port", "19092", "--data-dir", "run-data/kafka", "--partitions", "6",
            "--controller-port", "19093", "--host", "kafka.local", "--start-timeout", "30"}, Map.of());

        assertThat(line.port()).isEqualTo(19092);
        assertThat(line.dataDir()).isEqualTo(Path.of("run-data/kafka"));
        assertThat(line.partitions()).isEqualTo(6);
        assertThat(line.controllerPort()).isEqualTo(19093);
        assertThat(line.advertisedHost()).isEqualTo("kafka.local");
        assertThat(line.startTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(line.helpRequested()).isFalse();
    }

    @Test
    void environmentFillsWhatArgumentsLeaveOutAndArgumentsWin() {
        BrokerCommandLine line = BrokerCommandLine.parse(new String[] {"--port", "29092"},
                Map.of("KAFKA_PORT", "39092", "KAFKA_DATA_DIR", "/var/kafka"));

        assertThat(line.port()).isEqualTo(29092);
        assertThat(line.dataDir()).isEqualTo(Path.of("/var/kafka"));
    }

    @Test
    void defaultsAreTheUsualPortAFreeControllerPortAndThreePartitions() {
        BrokerCommandLine line = BrokerCommandLine.parse(new String[] {"--data-dir", "d"}, Map.of());

        assertThat(line.port()).isEqualTo(9092);
        assertThat(line.controllerPort()).isZero();
        assertThat(line.partitions()).isEqualTo(3);
        assertThat(line.advertisedHost()).isEqualTo("localhost");
    }

    @Test
    void helpNeedsNothingElse() {
        assertThat(BrokerCommandLine.parse(new String[] {"--help"}, Map.of()).helpRequested()).isTrue();
        assertThat(BrokerCommandLine.USAGE).contains("--port", "--data-dir", "--partitions", "--controller-port");
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--port", "9092"}, Map.of()))
                .hasMessageContaining("--data-dir");
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--port", "x"}, Map.of()))
                .hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--port", "70000"}, Map.of()))
                .hasMessageContaining("0..65535");
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--partitions", "0"}, Map.of()))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--data-dir"}, Map.of()))
                .hasMessageContaining("Missing value after --data-dir");
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--verbose", "yes"}, Map.of()))
                .hasMessageContaining("Unknown option --verbose");
    }
}
