package org.evcharging.agent.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.evcharging.agent.Main;
import org.evcharging.agent.support.CliRun;
import org.junit.jupiter.api.Test;

/** How the driver's command line, environment and services file are read (no Kafka needed). */
class DriverCommandLineTest {

    private static String[] driver(String... args) {
        List<String> all = new ArrayList<>(List.of("driver"));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    private static DriverOptions options(Map<String, String> env, String... args) {
        return CliRun.parse(DriverCommand.class, env, Map.of(), driver(args)).options(false);
    }

    private static String refusal(String... args) {
        CliRun run = CliRun.run(driver(args));
        assertThat(run.status()).as(run.err()).isEqualTo(Main.USAGE_ERROR);
        return run.error();
    }

    @Test
    void positionalsAndDefaults() {
        DriverOptions options = options(Map.of(), "localhost:9092", "driver_001");
        assertThat(options.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(options.driverId()).isEqualTo("driver_001");
        assertThat(options.servicesFile()).isNull();
        assertThat(options.pause()).isEqualTo(Duration.ofSeconds(4));
        assertThat(options.answerTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void brokerFromTheEnvironmentLeavesTheSingleArgumentToTheDriverId() {
        DriverOptions options = options(Map.of("BROKER_ADDRESS", "kafka:9092"), "driver_007", "--pause-seconds", "1.5");
        assertThat(options.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(options.driverId()).isEqualTo("driver_007");
        assertThat(options.pause()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void theDesignsVariablesAndDebugModeFillTheArguments() {
        DriverOptions options = options(Map.of("BROKER_ADDRESS", "kafka:9092", "DRIVER_ID", "driver_env",
                "DRIVER_SERVICES_FILE", "pom.xml", "DRIVER_ANSWER_TIMEOUT", "2.5"));
        assertThat(options.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(options.driverId()).isEqualTo("driver_env");
        assertThat(options.servicesFile()).hasToString("pom.xml");
        assertThat(options.answerTimeout()).isEqualTo(Duration.ofMillis(2500));

        DriverOptions debug = options(Map.of("DEBUG_MODE", "1"));
        assertThat(debug.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(debug.driverId()).matches("driver_\\d+");
    }

    @Test
    void missingDriverIdOrUnreadableServicesAreUsageErrors() {
        assertThat(refusal("localhost:9092")).endsWith("missing argument <driver_id> (or set DRIVER_ID)");
        assertThat(refusal("localhost:9092", "d1", "--services", "/no/such/file"))
                .endsWith("cannot read the services file /no/such/file");
        assertThat(refusal("driver_007", "driver_008")).contains("invalid <broker_ip:port> 'driver_007'");
    }

    @Test
    void servicesFileSkipsBlankLinesAndComments() {
        assertThat(ServicesFile.parse(List.of("# header", "cp_001", "", "  cp_002  # second", "   ", "cp_003")))
                .containsExactly("cp_001", "cp_002", "cp_003");
    }
}
