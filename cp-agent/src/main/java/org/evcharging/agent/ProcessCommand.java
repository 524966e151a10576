package org.evcharging.agent;

import java.io.IOException;

import org.evcharging.agent.config.CommandSpec;
import org.evcharging.agent.config.Config;
import org.evcharging.agent.config.UsageException;

/**
 * A subcommand that starts a long-running agent: parses its arguments against its
 * {@link CommandSpec}, answers {@code --help}, starts the agent and keeps the process alive until
 * SIGTERM or Ctrl+C, which close the agent cleanly through a shutdown hook.
 */
public abstract class ProcessCommand extends SpecCommand {

    /** Exit status when the agent cannot start (e.g. its port is taken). */
    public static final int START_FAILURE = 1;

    /** Starts the agent described by {@code config}. */
    protected abstract RunningAgent start(Config config, CommandContext context) throws UsageException, IOException;

    @Override
    protected final int run(Config config, CommandContext context) throws UsageException {
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
