package org.evcharging.agent.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.evcharging.agent.CommandContext;
import org.evcharging.agent.Main;

/** The jar's command line run in-process with a given environment and {@code .env}, its output captured. */
public record CliRun(int status, String out, String err) {

    public static CliRun run(Map<String, String> env, Map<String, String> dotEnv, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandContext context = new CommandContext(env, dotEnv, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = Main.run(args, context);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static CliRun run(String... args) {
        return run(Map.of(), Map.of(), args);
    }

    /** Parses without running anything: the subcommand object with its arguments, environment and defaults applied. */
    public static <T> T parse(Class<T> command, Map<String, String> env, Map<String, String> dotEnv, String... args) {
        CommandContext context = new CommandContext(env, dotEnv, new ByteArrayInputStream(new byte[0]),
                System.out, System.err);
        return command.cast(Main.commandLine(context).parseArgs(args).subcommand().commandSpec().userObject());
    }

    /** The first line on stderr: the one-line reason. */
    public String error() {
        return err.lines().findFirst().orElse("");
    }
}
