package org.evcharging.agent;

import java.io.IOException;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that starts a long-running agent and keeps the process alive until SIGTERM or
 * Ctrl+C, which close the agent cleanly through a shutdown hook.
 */
public abstract class ProcessCommand implements Callable<Integer> {

    /** Exit status when the agent cannot start (e.g. its port is taken). */
    public static final int START_FAILURE = 1;

    protected final CommandContext context;

    @Spec
    protected CommandSpec spec;

    protected ProcessCommand(CommandContext context) {
        this.context = context;
    }

    /** Starts the agent its options describe. */
    protected abstract RunningAgent start() throws IOException;

    @Override
    public final Integer call() {
        RunningAgent agent;
        try {
            agent = start();
        } catch (IOException e) {
            context.err().println("cp-agent " + spec.name() + ": error: cannot start: " + e.getMessage());
            return START_FAILURE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, spec.name() + "-shutdown"));
        try {
            agent.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            agent.close();
        }
        return 0;
    }
}
