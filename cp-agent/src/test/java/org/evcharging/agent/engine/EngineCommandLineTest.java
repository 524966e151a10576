package org.evcharging.agent.engine;

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

class EngineCommandLineTest {

    private static EngineOptions parse(Map<String, String> env, Map<String, String> dotEnv, String... args)
            throws UsageException {
        return EngineCommand.options(new Config(CommandLine.parse(EngineCommand.SPEC, List.of(args)), env, dotEnv));
    }

    private static EngineOptions parse(String... args) throws UsageException {
        return parse(Map.of(), Map.of(), args);
    }

    @Test
    void theDesignsCommandLineStaysValid() throws UsageException {
        EngineOptions options = parse("localhost:9092", "--debug_port", "5003");

        assertThat(options.brokerAddress()).isEqualTo("localhost:9092");
        assertThat(options.listen()).isEqualTo(new HostPort("localhost", 5003));
        assertThat(options.maxChargingDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.metering().kwhPerTick()).isEqualTo(0.01);
        assertThat(options.metering().maxTicks()).isEqualTo(30);
        assertThat(options.plugMode()).isEqualTo(PlugMode.AUTO);
        assertThat(options.dataDirFor(5003)).isEqualTo(Path.of("cp-data", "5003"));
    }

    @Test
    void withoutDebugPortTheEngineListensOnIpPortEvCpE() throws UsageException {
        assertThat(parse("localhost:9092").listen()).isEqualTo(new HostPort("localhost", 6000));
        assertThat(parse(Map.of("IP_PORT_EV_CP_E", "0.0.0.0:0"), Map.of(), "localhost:9092").listen())
                .isEqualTo(new HostPort("0.0.0.0", 0));
        assertThat(parse("localhost:9092", "--listen", "127.0.0.1:5100", "--debug-port", "5200").listen())
                .isEqualTo(new HostPort("localhost", 5200));
    }

    @Test
    void argumentsBeatTheEnvironmentWhichBeatsDotEnvWhichBeatsDefaults() throws UsageException {
        Map<String, String> dotEnv = Map.of("MAX_CHARGING_DURATION", "20", "BROKER_ADDRESS", "file:9092",
                "ENGINE_TICK_MS", "250");
        Map<String, String> env = Map.of("MAX_CHARGING_DURATION", "25", "BROKER_ADDRESS", "env:9092");

        EngineOptions fromFiles = parse(env, dotEnv);
        assertThat(fromFiles.brokerAddress()).isEqualTo("env:9092");
        assertThat(fromFiles.maxChargingDuration()).isEqualTo(Duration.ofSeconds(25));
        assertThat(fromFiles.tick()).isEqualTo(Duration.ofMillis(250));

        EngineOptions fromArgs = parse(env, dotEnv, "arg:9092", "--max-duration=10", "--tick-ms", "100");
        assertThat(fromArgs.brokerAddress()).isEqualTo("arg:9092");
        assertThat(fromArgs.maxChargingDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(fromArgs.tick()).isEqualTo(Duration.ofMillis(100));

        assertThat(parse(Map.of(), dotEnv).maxChargingDuration()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void ourOwnOptionsHaveEnvironmentEquivalents() throws UsageException {
        EngineOptions options = parse(Map.of("ENGINE_POWER_KW", "360", "ENGINE_PLUG_MODE", "manual",
                "ENGINE_DATA_DIR", "/tmp/engine-a", "DEBUG_MODE", "yes"), Map.of());

        assertThat(options.powerKw()).isEqualTo(360.0);
        assertThat(options.plugMode()).isEqualTo(PlugMode.MANUAL);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/engine-a"));
        assertThat(options.debug()).isTrue();
        assertThat(options.brokerAddress()).as("debug mode fills a missing broker").isEqualTo("localhost:9092");
    }

    @Test
    void badInputGetsAOneLineReasonNamingItsSource() {
        assertThatThrownBy(() -> parse()).hasMessage("missing argument <broker_ip:port> (or set BROKER_ADDRESS)");
        assertThatThrownBy(() -> parse("localhost")).hasMessageContaining("argument <broker_ip:port>")
                .hasMessageContaining("not in IP:PORT form");
        assertThatThrownBy(() -> parse("localhost:9092,kafka:80")).hasMessageContaining("between 1024 and 65535");
        assertThatThrownBy(() -> parse("localhost:9092", "--tick-ms", "fast"))
                .hasMessage("invalid option --tick-ms 'fast' (expected a whole number)");
        assertThatThrownBy(() -> parse(Map.of("ENGINE_TICK_MS", "1"), Map.of(), "localhost:9092"))
                .hasMessageContaining("environment variable ENGINE_TICK_MS");
        assertThatThrownBy(() -> parse(Map.of(), Map.of("IP_PORT_EV_CP_E", "nowhere"), "localhost:9092"))
                .hasMessageContaining(".env variable IP_PORT_EV_CP_E");
        assertThatThrownBy(() -> parse("localhost:9092", "--plug", "sideways"))
                .hasMessageContaining("one of [auto, manual]");
        assertThatThrownBy(() -> parse("localhost:9092", "--colour", "red")).hasMessage("unknown option --colour");
        assertThatThrownBy(() -> parse("localhost:9092", "--debug_port")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parse("localhost:9092", "extra")).hasMessage("unexpected argument 'extra'");
    }

    @Test
    void helpDescribesEveryOptionWithItsEnvironmentVariable() {
        String help = EngineCommand.SPEC.help();

        assertThat(help).contains("engine <broker_ip:port> [options]", "--debug_port PORT", "IP_PORT_EV_CP_E",
                "MAX_CHARGING_DURATION", "ENGINE_TICK_MS", "ENGINE_POWER_KW", "ENGINE_DATA_DIR", "ENGINE_PLUG_MODE",
                "DEBUG_MODE", "--help");
    }
}
