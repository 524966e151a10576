package org.evcharging.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.evcharging.agent.Main;
import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.support.CliRun;
import org.junit.jupiter.api.Test;

/** The Engine's argument forms, environment and .env defaults, bad input and help, without starting it. */
class EngineCommandLineTest {

    private static EngineOptions parse(Map<String, String> env, Map<String, String> dotEnv, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "engine";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.parse(EngineCommand.class, env, dotEnv, all).options();
    }

    private static EngineOptions parse(String... args) {
        return parse(Map.of(), Map.of(), args);
    }

    /** The first stderr line of a run that must fail before anything starts. */
    private static String refusal(Map<String, String> env, Map<String, String> dotEnv, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "engine";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun run = CliRun.run(env, dotEnv, all);
        assertThat(run.status()).as(run.err()).isEqualTo(Main.USAGE_ERROR);
        return run.error();
    }

    private static String refusal(String... args) {
        return refusal(Map.of(), Map.of(), args);
    }

    @Test
    void theDesignsCommandLineStaysValid() {
        EngineOptions options = parse("localhost:9092", "--debug_port", "5003");

        assertThat(options.brokerAddress()).isEqualTo("localhost:9092");
        assertThat(options.listen()).isEqualTo(new HostPort("localhost", 5003));
        assertThat(options.maxChargingDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.metering().kwhPerTick()).isEqualTo(0.01);
        assertThat(options.metering().maxTicks()).isEqualTo(30);
        assertThat(options.plugMode()).isEqualTo(PlugMode.AUTO);
        assertThat(options.dataDirFor(5003)).isEqualTo(Path.of("cp-data", "5003"));
        assertThat(options.debug()).isFalse();
    }

    @Test
    void withoutDebugPortTheEngineListensOnIpPortEvCpE() {
        assertThat(parse("localhost:9092").listen()).isEqualTo(new HostPort("localhost", 6000));
        assertThat(parse(Map.of("IP_PORT_EV_CP_E", "0.0.0.0:0"), Map.of(), "localhost:9092").listen())
                .isEqualTo(new HostPort("0.0.0.0", 0));
        assertThat(parse("localhost:9092", "--listen", "127.0.0.1:5100", "--debug-port", "5200").listen())
                .isEqualTo(new HostPort("localhost", 5200));
        assertThat(parse("localhost:9092", "--listen=127.0.0.1:5100").listen())
                .isEqualTo(new HostPort("127.0.0.1", 5100));
    }

    @Test
    void argumentsBeatTheEnvironmentWhichBeatsDotEnvWhichBeatsDefaults() {
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
        assertThat(parse(Map.of("BROKER_ADDRESS", "  "), dotEnv).brokerAddress())
                .as("a blank variable counts as unset").isEqualTo("file:9092");
    }

    @Test
    void ourOwnOptionsHaveEnvironmentEquivalents() {
        EngineOptions options = parse(Map.of("ENGINE_POWER_KW", "360", "ENGINE_PLUG_MODE", "manual",
                "ENGINE_DATA_DIR", "/tmp/engine-a", "DEBUG_MODE", "yes"), Map.of());

        assertThat(options.powerKw()).isEqualTo(360.0);
        assertThat(options.plugMode()).isEqualTo(PlugMode.MANUAL);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/engine-a"));
        assertThat(options.debug()).isTrue();
        assertThat(options.brokerAddress()).as("debug mode fills a missing broker").isEqualTo("localhost:9092");
        assertThat(parse("localhost:9092", "--debug", "--plug", "MANUAL").debug()).isTrue();
    }

    @Test
    void badInputGetsAOneLineReasonNamingItsSource() {
        assertThat(refusal()).isEqualTo("cp-agent engine: error: missing argument <broker_ip:port> (or set BROKER_ADDRESS)");
        assertThat(refusal("localhost")).contains("argument <broker_ip:port>").contains("not in IP:PORT form");
        assertThat(refusal("localhost:9092,kafka:80")).contains("between 1024 and 65535");
        assertThat(refusal("localhost:9092", "--tick-ms", "fast"))
                .endsWith("invalid option --tick-ms: 'fast' is not a whole number");
        assertThat(refusal(Map.of("ENGINE_TICK_MS", "1"), Map.of(), "localhost:9092"))
                .endsWith("invalid environment variable ENGINE_TICK_MS '1' (expected a whole number from 10 to 3600000)");
        assertThat(refusal(Map.of(), Map.of("IP_PORT_EV_CP_E", "nowhere"), "localhost:9092"))
                .contains(".env variable IP_PORT_EV_CP_E");
        assertThat(refusal("localhost:9092", "--plug", "sideways")).contains("--plug").contains("sideways");
        assertThat(refusal("localhost:9092", "--colour", "red")).contains("'--colour'");
        assertThat(refusal("localhost:9092", "--debug_port")).contains("--debug_port");
        assertThat(refusal("localhost:9092", "--debug_port", "70000")).contains("from 0 to 65535");
        assertThat(refusal("localhost:9092", "extra")).contains("'extra'");
    }

    @Test
    void helpDescribesEveryOptionWithItsVariableAndDefault() {
        String help = CliRun.run("engine", "--help").out();

        assertThat(help).contains("engine <broker_ip:port> [options]",
                "<broker_ip:port>", "[env BROKER_ADDRESS]",
                "--debug_port, --debug-port PORT",
                "--listen IP:PORT", "[env IP_PORT_EV_CP_E] (default localhost:6000)",
                "--max-duration SECONDS", "[env MAX_CHARGING_DURATION] (default 30)",
                "--tick-ms MILLIS", "[env ENGINE_TICK_MS] (default 1000)",
                "--power-kw KW", "[env ENGINE_POWER_KW] (default 36)",
                "--data-dir DIR", "(default ./cp-data/<port>) [env ENGINE_DATA_DIR]",
                "--plug auto|manual", "[env ENGINE_PLUG_MODE] (default auto)",
                "--debug ", "[env DEBUG_MODE] (default false)",
                "-h, --help", "-V, --version");
    }
}
