package org.evcharging.agent;

import java.io.IOException;
import java.util.List;

import org.evcharging.agent.config.CommandLine;
import org.evcharging.agent.config.CommandSpec;
import org.evcharging.agent.config.Config;
import org.evcharging.agent.config.UsageException;

/**
 * A subcommand that starts a long-running agent: parses its arguments against its
 * {@link CommandSpec}, answers {@code --help}, starts the agent and keeps the process alive until
 * SIGTERM or Ctrl+C, which close the agent cleanly through a shutdown hook.
 */
public abstract class ProcessCommand implements Subcommand {

    /** Exit status when the agent cannot start (e.g. its port is taken). */
    public static final int START_FAILURE = 1;

    protected abstract CommandSpec spec();

    /** Starts the agent described by {@code config}. */
    protected abstract RunningAgent start(Config config, CommandContext context) throws UsageException, IOException;

    @Override
    public final String name() {
        return spec().command();
    }

    @Override
    public final String summary() {
        return spec().summary();
    }

    @Override
    public final int run(List<String> args, CommandContext context) throws UsageException {
        CommandLine line = CommandLine.parse(spec(), args);
        if (line.helpRequested()) {
            context.out().print(spec().help());
            return 0;
        }
        Config config = new Config(line, context.environment(), context.dotEnv());
        RunningAgent agent;
        try {
            agent = start(config, context);
        } catch (IOException e) {
            context.err().println("cp-agent " + name() + ": error: cannot start: " + e.getMessage());
            return START_FAILURE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, name() + "-shutdown"));
        try {
            agent.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            agent.close();
        }
        return 0;
    }
}
