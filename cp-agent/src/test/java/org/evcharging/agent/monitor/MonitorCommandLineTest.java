package org.evcharging.agent.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.evcharging.agent.Main;
import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.config.HostPortList;
import org.evcharging.agent.support.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Monitor's argument forms, the design's variables, bad input and help, without starting it. */
class MonitorCommandLineTest {

    private static String[] monitor(String... args) {
        List<String> all = new ArrayList<>(List.of("monitor"));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    private static MonitorOptions parse(Map<String, String> env, Map<String, String> dotEnv, String... args) {
        return CliRun.parse(MonitorCommand.class, env, dotEnv, monitor(args)).options();
    }

    private static String refusal(Map<String, String> env, String... args) {
        CliRun run = CliRun.run(env, Map.of(), monitor(args));
        assertThat(run.status()).as(run.err()).isEqualTo(Main.USAGE_ERROR);
        return run.error();
    }

    @Test
    void theDesignsCommandLineStaysValid() {
        MonitorOptions options = parse(Map.of(), Map.of(), "localhost:5003", "localhost:5000", "cp_001");

        assertThat(options.engine()).isEqualTo(new HostPort("localhost", 5003));
        assertThat(options.central()).isEqualTo(HostPortList.of(new HostPort("localhost", 5000)));
        assertThat(options.cpId()).isEqualTo("cp_001");
        assertThat(options.location()).isEqualTo("Unknown");
        assertThat(options.pricePerKwh()).isEqualTo(0.20);
        assertThat(options.heartbeatSeconds()).isEqualTo(5);
        assertThat(options.healthInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.healthMisses()).isEqualTo(3);
        assertThat(options.reconnectMax()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.dataDir()).isEqualTo(Path.of("cp-data", "cp_001"));
    }

    @Test
    void addressesComeFromTheDesignsVariablesWhenNotGiven() {
        Map<String, String> dotEnv = Map.of("IP_PORT_EV_CP_E", "engine-host:6000",
                "IP_PORT_EV_CP_CENTRAL", "central-host:5000", "CP_ID", "cp_file", "MONITOR_HEARTBEAT_INTERVAL", "30");
        Map<String, String> env = Map.of("IP_PORT_EV_CP_CENTRAL", "central-env:5001", "CP_PRICE_PER_KWH", "0.31");

        MonitorOptions options = parse(env, dotEnv);
        assertThat(options.engine()).isEqualTo(new HostPort("engine-host", 6000));
        assertThat(options.central()).isEqualTo(HostPortList.of(new HostPort("central-env", 5001)));
        assertThat(options.cpId()).isEqualTo("cp_file");
        assertThat(options.heartbeatSeconds()).isEqualTo(30);
        assertThat(options.pricePerKwh()).isEqualTo(0.31);

        MonitorOptions fromArgs = parse(env, dotEnv, "e:7000", "c:7001", "cp_arg", "--price", "0.5",
                "--heartbeat-interval", "2", "--health-interval", "0.25", "--health-misses", "5",
                "--reconnect-max", "1.5", "--location", "Calle Mayor 1", "--data-dir", "/tmp/m");
        assertThat(fromArgs.cpId()).isEqualTo("cp_arg");
        assertThat(fromArgs.pricePerKwh()).isEqualTo(0.5);
        assertThat(fromArgs.heartbeatSeconds()).isEqualTo(2);
        assertThat(fromArgs.healthInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(fromArgs.healthMisses()).isEqualTo(5);
        assertThat(fromArgs.reconnectMax()).isEqualTo(Duration.ofMillis(1500));
        assertThat(fromArgs.location()).isEqualTo("Calle Mayor 1");
        assertThat(fromArgs.dataDir()).isEqualTo(Path.of("/tmp/m"));
    }

    @Test
    void theCredentialComesFromAnOptionTheEnvironmentOrAFileAndIsNeverPrinted(@TempDir Path dir) throws Exception {
        assertThat(parse(Map.of(), Map.of(), "e:7000", "c:7001", "cp_1").credential()).as("legacy: none").isNull();
        assertThat(parse(Map.of(), Map.of(), "e:7000", "c:7001", "cp_1", "--credential", "abc_DEF-1").credential())
                .isEqualTo("abc_DEF-1");
        assertThat(parse(Map.of("CP_CREDENTIAL", "from-env"), Map.of(), "e:7000", "c:7001", "cp_1").credential())
                .isEqualTo("from-env");
        Path file = dir.resolve("cp_1.credential");
        Files.writeString(file, "from-file\n");
        MonitorOptions fromFile = parse(Map.of(), Map.of(), "e:7000", "c:7001", "cp_1", "--credential-file", file.toString());
        assertThat(fromFile.credential()).isEqualTo("from-file");
        assertThat(fromFile.toString()).doesNotContain("from-file");

        assertThat(refusal(Map.of(), "e:7000", "c:7001", "cp_1", "--credential-file", dir.resolve("none").toString()))
                .contains("cannot read --credential-file");
        assertThat(refusal(Map.of(), "e:7000", "c:7001", "cp_1", "--credential", "x", "--credential-file", file.toString()))
                .contains("not both");
    }

    @Test
    void severalCentralsAreTakenInTheOrderGiven() {
        MonitorOptions options = parse(Map.of(), Map.of(), "localhost:5003", "central-a:5000,central-b:5001", "cp_001");
        assertThat(options.central().addresses())
                .containsExactly(new HostPort("central-a", 5000), new HostPort("central-b", 5001));

        MonitorOptions fromEnv = parse(Map.of("IP_PORT_EV_CP_CENTRAL", "c1:5000, c2:5000", "CP_ID", "cp_env"), Map.of(), "e:6000");
        assertThat(fromEnv.central().addresses()).containsExactly(new HostPort("c1", 5000), new HostPort("c2", 5000));
    }

    @Test
    void aBadListOfCentralsGetsAOneLineReason() {
        assertThat(refusal(Map.of(), "localhost:5003", "a:5000,,b:5000", "cp_1")).contains("has an empty address");
        assertThat(refusal(Map.of(), "localhost:5003", "a:5000,b", "cp_1")).contains("'b' is not in IP:PORT form");
        assertThat(refusal(Map.of(), "localhost:5003", "a:5000,a:5000", "cp_1")).contains("names the same address twice");
    }

    @Test
    void debugModeFillsWhatIsMissing() {
        MonitorOptions options = parse(Map.of("DEBUG_MODE", "True"), Map.of());

        assertThat(options.engine()).isEqualTo(new HostPort("localhost", 6000));
        assertThat(options.central()).isEqualTo(HostPortList.of(new HostPort("localhost", 5000)));
        assertThat(options.cpId()).matches("cp_\\d+");
    }

    @Test
    void badInputGetsAOneLineReason() {
        assertThat(refusal(Map.of(), "localhost:5003"))
                .endsWith("missing argument <central_ip:port> (or set IP_PORT_EV_CP_CENTRAL)");
        assertThat(refusal(Map.of(), "localhost:5003", "localhost:5000"))
                .endsWith("missing argument <cp_id> (or set CP_ID)");
        assertThat(refusal(Map.of(), "localhost:99", "localhost:5000", "cp_1"))
                .contains("argument <engine_ip:port>").contains("between 1024 and 65535");
        assertThat(refusal(Map.of(), "localhost:5003", "localhost:5000", "cp_1", "--price", "-1"))
                .endsWith("invalid option --price '-1.0' (expected a number of at least 0.0)");
        assertThat(refusal(Map.of(), "localhost:5003", "localhost:5000", "cp_1", "--heartbeat-interval", "0.5"))
                .endsWith("invalid option --heartbeat-interval: '0.5' is not a whole number");
        assertThat(refusal(Map.of("MONITOR_HEALTH_MISSES", "0"), "localhost:5003", "localhost:5000", "cp_1"))
                .contains("environment variable MONITOR_HEALTH_MISSES '0'");
        assertThat(refusal(Map.of(), "localhost:5003", "localhost:5000", " ")).endsWith("<cp_id> must not be blank");
    }

    @Test
    void helpDescribesEveryOptionWithItsVariableAndDefault() {
        assertThat(CliRun.run(monitor("--help")).out()).contains(
                "[env IP_PORT_EV_CP_E]", "[env IP_PORT_EV_CP_CENTRAL]", "[env CP_ID]",
                "--location TEXT", "[env CP_LOCATION] (default Unknown)",
                "--price EUR", "[env CP_PRICE_PER_KWH] (default 0.20)",
                "--heartbeat-interval SECONDS", "[env MONITOR_HEARTBEAT_INTERVAL] (default 5)",
                "--health-interval SECONDS", "[env MONITOR_HEALTH_INTERVAL] (default 1)",
                "--health-misses N", "[env MONITOR_HEALTH_MISSES] (default 3)",
                "--reconnect-max SECONDS", "[env MONITOR_RECONNECT_MAX] (default 5)",
                "--data-dir DIR", "[env MONITOR_DATA_DIR]", "[env DEBUG_MODE] (default false)");
    }
}
