package org.evcharging.agent.config;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The help every subcommand shares: usage line, one row per argument and option with its variable
 * and default, and how sources rank. The rows are ours because picocli's default column would show
 * the default *as resolved now*, which can be a password from the environment.
 */
public final class HelpLayout {

    private static final String PRECEDENCE =
            "Precedence: arguments > environment > .env in the working directory > defaults.";

    private HelpLayout() {
    }

    public static void applyTo(CommandLine top, String version) {
        top.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        apply(top, version);
        top.getSubcommands().values().forEach(sub -> {
            apply(sub, version);
            UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
            usage.footer(prepend(PRECEDENCE, usage.footer()));
        });
    }

    private static void apply(CommandLine line, String version) {
        line.getCommandSpec().version(version);
        line.getCommandSpec().usageMessage()
                .width(200)
                .synopsisHeading("%nUsage: ")
                .parameterListHeading("%nArguments:%n")
                .optionListHeading("%nOptions:%n")
                .commandListHeading("%nSubcommands:%n")
                .footerHeading("%n");
        line.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_SYNOPSIS,
                help -> synopsis(help.commandSpec()) + System.lineSeparator());
        line.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
                help -> rows(help.commandSpec().positionalParameters()));
        line.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                help -> rows(help.commandSpec().options().stream()
                        .sorted(Comparator.comparing(o -> o.usageHelp() || o.versionHelp())).toList()));
    }

    /** The positionals as the design writes them, all required-looking: debug mode is the exception, not the rule. */
    public static String synopsis(CommandSpec spec) {
        StringBuilder line = new StringBuilder(spec.qualifiedName());
        if (!spec.subcommands().isEmpty()) {
            line.append(" <subcommand> [arguments]");
        }
        spec.positionalParameters().forEach(p -> line.append(' ').append(p.paramLabel()));
        return line.append(" [options]").toString();
    }

    private static String rows(List<? extends ArgSpec> args) {
        return args.stream().filter(a -> !a.hidden()).map(HelpLayout::row).collect(Collectors.joining());
    }

    private static String row(ArgSpec arg) {
        String left = arg instanceof OptionSpec option
                ? String.join(", ", option.names()) + (option.arity().max() > 0 ? " " + option.paramLabel() : "")
                : arg.paramLabel();
        return String.format("  %-28s %s", left, String.join(" ", arg.description()))
                + EnvironmentDefaults.variableOf(arg).map(v -> " [env " + v + "]").orElse("")
                + (arg.defaultValue() != null ? " (default " + arg.defaultValue() + ")" : "")
                + System.lineSeparator();
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
