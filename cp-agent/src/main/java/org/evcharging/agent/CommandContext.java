package org.evcharging.agent;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

import org.evcharging.agent.config.DotEnv;

/**
 * What a subcommand may read from its surroundings, passed in so tests can give their own.
 *
 * @param environment the process environment
 * @param dotEnv the {@code .env} of the working directory
 */
public record CommandContext(Map<String, String> environment, Map<String, String> dotEnv,
                             InputStream in, PrintStream out, PrintStream err) {

    public static CommandContext system() {
        return new CommandContext(System.getenv(), DotEnv.ofWorkingDirectory(), System.in, System.out, System.err);
    }
}
