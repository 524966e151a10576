package org.evcharging.agent.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.evcharging.agent.config.CommandLine;
import org.evcharging.agent.config.Config;
import org.evcharging.agent.config.UsageException;
import org.junit.jupiter.api.Test;

/** How the driver's command line, environment and services file are read (no Kafka needed). */
class DriverCommandLineTest {

    private static DriverOptions options(Map<String, String> env, String... args) throws UsageException {
        Config config = new Config(CommandLine.parse(DriverCommand.SPEC, List.of(args)), env, Map.of());
        Config envOnly = new Config(CommandLine.parse(DriverCommand.SPEC, List.of()), env, Map.of());
        return DriverCommand.options(config, envOnly, false);
    }

    @Test
    void positionalsAndDefaults() throws UsageException {
        DriverOptions options = options(Map.of(), "localhost:9092", "driver_001");
        assertThat(options.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(options.driverId()).isEqualTo("driver_001");
        assertThat(options.servicesFile()).isNull();
        assertThat(options.pause()).isEqualTo(Duration.ofSeconds(4));
        assertThat(options.answerTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void brokerFromTheEnvironmentLeavesTheSingleArgumentToTheDriverId() throws UsageException {
        DriverOptions options = options(Map.of("BROKER_ADDRESS", "kafka:9092"), "driver_007", "--pause-seconds", "1.5");
        assertThat(options.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(options.driverId()).isEqualTo("driver_007");
        assertThat(options.pause()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void missingDriverIdOrUnreadableServicesAreUsageErrors() {
        assertThatThrownBy(() -> options(Map.of(), "localhost:9092")).isInstanceOf(UsageException.class)
                .hasMessageContaining("driver_id");
        assertThatThrownBy(() -> options(Map.of(), "localhost:9092", "d1", "--services", "/no/such/file"))
                .isInstanceOf(UsageException.class).hasMessageContaining("services file");
    }

    @Test
    void servicesFileSkipsBlankLinesAndComments() {
        assertThat(ServicesFile.parse(List.of("# header", "cp_001", "", "  cp_002  # second", "   ", "cp_003")))
                .containsExactly("cp_001", "cp_002", "cp_003");
    }
}
