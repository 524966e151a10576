package org.evcharging.agent;

import java.util.List;

import org.evcharging.agent.config.CommandLine;
import org.evcharging.agent.config.CommandSpec;
import org.evcharging.agent.config.Config;
import org.evcharging.agent.config.UsageException;

/**
 * A subcommand described by a {@link CommandSpec}: its name, summary, argument parsing and
 * {@code --help} come from the spec, so each subcommand only says what it does with its settings.
 */
public abstract class SpecCommand implements Subcommand {

    protected abstract CommandSpec spec();

    /** Runs with the settings (arguments > environment > .env > defaults); returns the exit status. */
    protected abstract int run(Config config, CommandContext context) throws UsageException;

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
        return run(new Config(line, context.environment(), context.dotEnv()), context);
    }
}
