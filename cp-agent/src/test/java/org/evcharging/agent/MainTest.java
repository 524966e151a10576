package org.evcharging.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        CommandContext context = new CommandContext(Map.of(), Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return Main.run(args, context);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsItsSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("engine", "monitor", "<subcommand> --help");
    }

    @Test
    void eachSubcommandHasItsHelp() {
        assertThat(run("engine", "--help")).isZero();
        assertThat(run("monitor", "-h")).isZero();
        assertThat(out()).contains("java -jar cp-agent.jar engine <broker_ip:port> [options]",
                "java -jar cp-agent.jar monitor <engine_ip:port> <central_ip:port> <cp_id> [options]");
    }

    @Test
    void badArgumentsGiveOneLineAndTheUsageStatus() {
        assertThat(run("monitor", "localhost:5003", "localhost:5000")).isEqualTo(Main.USAGE_ERROR);
        assertThat(err()).startsWith("cp-agent monitor: error: missing argument <cp_id> (or set CP_ID)\n")
                .contains("Try 'java -jar cp-agent.jar monitor --help'.");
        assertThat(run("charge")).isEqualTo(Main.USAGE_ERROR);
        assertThat(err()).contains("unknown subcommand 'charge' (one of engine, monitor");
        assertThat(run()).isEqualTo(Main.USAGE_ERROR);
    }

    @Test
    void anEngineWhosePortIsTakenSaysSoAndExits() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            int status = run("engine", "localhost:9092", "--debug_port", Integer.toString(taken.getLocalPort()));

            assertThat(status).isEqualTo(ProcessCommand.START_FAILURE);
            assertThat(err()).contains("cp-agent engine: error: cannot start: Cannot listen on");
        }
    }
}
