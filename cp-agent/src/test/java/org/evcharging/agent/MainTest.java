package org.evcharging.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.evcharging.agent.support.CliRun;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void listsItsSubcommands() {
        CliRun run = CliRun.run("--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: java -jar cp-agent.jar <subcommand> [arguments] [options]",
                "engine", "monitor", "driver", "admin", "<subcommand> --help");
    }

    @Test
    void eachSubcommandHasItsHelp() {
        assertThat(CliRun.run("engine", "--help").out())
                .startsWith("Runs a charging point's Engine (EV_CP_E)")
                .contains("Usage: java -jar cp-agent.jar engine <broker_ip:port> [options]",
                        "Precedence: arguments > environment > .env in the working directory > defaults.",
                        "Example: java -jar cp-agent.jar engine localhost:9092 --debug_port 5003");
        assertThat(CliRun.run("monitor", "-h").out())
                .contains("java -jar cp-agent.jar monitor <engine_ip:port> <central_ip:port> <cp_id> [options]");
        assertThat(CliRun.run("driver", "--help").out()).contains("java -jar cp-agent.jar driver <broker_ip:port> <driver_id>");
        assertThat(CliRun.run("admin", "--help").out()).contains("java -jar cp-agent.jar admin <central_http_url>");
    }

    @Test
    void printsItsVersion() {
        CliRun run = CliRun.run("--version");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("cp-agent ");
    }

    @Test
    void badArgumentsGiveOneLineTheUsageAndTheUsageStatus() {
        CliRun missing = CliRun.run("monitor", "localhost:5003", "localhost:5000");
        assertThat(missing.status()).isEqualTo(Main.USAGE_ERROR);
        assertThat(missing.err()).isEqualTo("""
                cp-agent monitor: error: missing argument <cp_id> (or set CP_ID)
                Usage: java -jar cp-agent.jar monitor <engine_ip:port> <central_ip:port> <cp_id> [options]
                Try 'java -jar cp-agent.jar monitor --help'.
                """);

        CliRun unknown = CliRun.run("charge");
        assertThat(unknown.status()).isEqualTo(Main.USAGE_ERROR);
        assertThat(unknown.error()).isEqualTo("cp-agent: error: unknown subcommand 'charge' (one of engine, monitor, driver, admin)");

        CliRun none = CliRun.run();
        assertThat(none.status()).isEqualTo(Main.USAGE_ERROR);
        assertThat(none.out()).contains("Subcommands:");
    }

    @Test
    void anEngineWhosePortIsTakenSaysSoAndExits() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            CliRun run = CliRun.run("engine", "localhost:9092", "--debug_port", Integer.toString(taken.getLocalPort()));

            assertThat(run.status()).isEqualTo(ProcessCommand.START_FAILURE);
            assertThat(run.err()).contains("cp-agent engine: error: cannot start: Cannot listen on");
        }
    }
}
