package org.evcharging.agent;

import java.util.List;

import org.evcharging.agent.config.UsageException;

/** One process the jar can run: {@code engine}, {@code monitor}, and later others. */
public interface Subcommand {

    String name();

    /** One line for the jar's own help. */
    String summary();

    /**
     * Runs until the process is told to stop, and returns its exit status.
     *
     * @throws UsageException for arguments it cannot run with; the caller prints it as one line
     */
    int run(List<String> args, CommandContext context) throws UsageException;
}
