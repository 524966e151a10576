package org.evcharging.agent.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments given to one subcommand, split by its {@link CommandSpec}: positionals in order,
 * options as {@code --name value} or {@code --name=value}.
 */
public final class CommandLine {

    private static final String TRUE = "true";

    private final Map<Setting, String> values;
    private final boolean helpRequested;

    private CommandLine(Map<Setting, String> values, boolean helpRequested) {
        this.values = values;
        this.helpRequested = helpRequested;
    }

    public static CommandLine parse(CommandSpec spec, List<String> args) throws UsageException {
        Map<Setting, String> values = new HashMap<>();
        int nextPositional = 0;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (CommandSpec.isHelp(arg)) {
                return new CommandLine(values, true);
            }
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                String flag = equals < 0 ? arg : arg.substring(0, equals);
                Setting option = option(spec, flag);
                String value;
                if (!option.takesValue()) {
                    if (equals >= 0) {
                        throw new UsageException("option " + flag + " takes no value");
                    }
                    value = TRUE;
                } else if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("option " + flag + " needs a value (" + option.metavar() + ")");
                }
                values.put(option, value);
            } else {
                if (nextPositional >= spec.positionals().size()) {
                    throw new UsageException("unexpected argument '" + arg + "'");
                }
                values.put(spec.positionals().get(nextPositional++), arg);
            }
        }
        return new CommandLine(values, false);
    }

    private static Setting option(CommandSpec spec, String flag) throws UsageException {
        // --debug_port is the design's spelling; --debug-port is accepted too, and the reverse.
        for (Setting option : spec.options()) {
            if (normalised(option.name()).equals(normalised(flag))) {
                return option;
            }
        }
        throw new UsageException("unknown option " + flag);
    }

    private static String normalised(String flag) {
        return flag.substring(2).replace('_', '-');
    }

    public boolean helpRequested() {
        return helpRequested;
    }

    public Optional<String> value(Setting setting) {
        return Optional.ofNullable(values.get(setting));
    }
}
