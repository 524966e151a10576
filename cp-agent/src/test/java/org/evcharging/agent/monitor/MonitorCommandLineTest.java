package org.evcharging.agent.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.evcharging.agent.config.CommandLine;
import org.evcharging.agent.config.Config;
import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.config.UsageException;
import org.junit.jupiter.api.Test;

class MonitorCommandLineTest {

    private static MonitorOptions parse(Map<String, String> env, Map<String, String> dotEnv, String... args)
            throws UsageException {
        return MonitorCommand.options(new Config(CommandLine.parse(MonitorCommand.SPEC, List.of(args)), env, dotEnv));
    }

    @Test
    void theDesignsCommandLineStaysValid() throws UsageException {
        MonitorOptions options = parse(Map.of(), Map.of(), "localhost:5003", "localhost:5000", "cp_001");

        assertThat(options.engine()).isEqualTo(new HostPort("localhost", 5003));
        assertThat(options.central()).isEqualTo(new HostPort("localhost", 5000));
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
    void addressesComeFromTheDesignsVariablesWhenNotGiven() throws UsageException {
        Map<String, String> dotEnv = Map.of("IP_PORT_EV_CP_E", "engine-host:6000",
                "IP_PORT_EV_CP_CENTRAL", "central-host:5000", "CP_ID", "cp_file", "MONITOR_HEARTBEAT_INTERVAL", "30");
        Map<String, String> env = Map.of("IP_PORT_EV_CP_CENTRAL", "central-env:5001", "CP_PRICE_PER_KWH", "0.31");

        MonitorOptions options = parse(env, dotEnv);
        assertThat(options.engine()).isEqualTo(new HostPort("engine-host", 6000));
        assertThat(options.central()).isEqualTo(new HostPort("central-env", 5001));
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
    void debugModeFillsWhatIsMissing() throws UsageException {
        MonitorOptions options = parse(Map.of("DEBUG_MODE", "True"), Map.of());

        assertThat(options.engine()).isEqualTo(new HostPort("localhost", 6000));
        assertThat(options.central()).isEqualTo(new HostPort("localhost", 5000));
        assertThat(options.cpId()).matches("cp_\\d+");
    }

    @Test
    void badInputGetsAOneLineReason() {
        assertThatThrownBy(() -> parse(Map.of(), Map.of(), "localhost:5003"))
                .hasMessage("missing argument <central_ip:port> (or set IP_PORT_EV_CP_CENTRAL)");
        assertThatThrownBy(() -> parse(Map.of(), Map.of(), "localhost:5003", "localhost:5000"))
                .hasMessage("missing argument <cp_id> (or set CP_ID)");
        assertThatThrownBy(() -> parse(Map.of(), Map.of(), "localhost:99", "localhost:5000", "cp_1"))
                .hasMessageContaining("argument <engine_ip:port>").hasMessageContaining("between 1024 and 65535");
        assertThatThrownBy(() -> parse(Map.of(), Map.of(), "localhost:5003", "localhost:5000", "cp_1", "--price", "-1"))
                .hasMessageContaining("option --price '-1.0' (expected a number of at least 0.0)");
        assertThatThrownBy(() -> parse(Map.of(), Map.of(), "localhost:5003", "localhost:5000", "cp_1",
                "--heartbeat-interval", "0.5")).hasMessageContaining("--heartbeat-interval '0.5'");
        assertThatThrownBy(() -> parse(Map.of("MONITOR_HEALTH_MISSES", "0"), Map.of(), "localhost:5003",
                "localhost:5000", "cp_1")).hasMessageContaining("environment variable MONITOR_HEALTH_MISSES");
    }
}
