package org.evcharging.agent;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evcharging.agent.config.CommandSpec;
import org.evcharging.agent.config.UsageException;
import org.evcharging.agent.engine.EngineCommand;
import org.evcharging.agent.monitor.MonitorCommand;

/**
 * Entry point of {@code cp-agent.jar}: {@code engine ...} runs a charging point's Engine (EV_CP_E),
 * {@code monitor ...} its Monitor (EV_CP_M). Each subcommand is one entry of the dispatch table.
 */
public final class Main {

    /** Exit status for arguments the process cannot run with. */
    public static final int USAGE_ERROR = 2;

    private static final Map<String, Subcommand> COMMANDS = new LinkedHashMap<>();

    static {
        register(new EngineCommand());
        register(new MonitorCommand());
        register(new org.evcharging.agent.driver.DriverCommand());
        register(new org.evcharging.agent.admin.AdminCommand());
        // One line per subcommand: the table is also the jar's help.
    }

    private Main() {
    }

    private static void register(Subcommand command) {
        COMMANDS.put(command.name(), command);
    }

    public static void main(String[] args) {
        int status = run(args, CommandContext.system());
        // A normal end came from a shutdown hook; calling exit from it would wait for the hooks forever.
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the subcommand named by {@code args[0]}; returns the exit status. */
    public static int run(String[] args, CommandContext context) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            context.out().print(help());
            return args.length == 0 ? USAGE_ERROR : 0;
        }
        Subcommand command = COMMANDS.get(args[0]);
        if (command == null) {
            context.err().println("cp-agent: error: unknown subcommand '" + args[0] + "' (one of "
                    + String.join(", ", COMMANDS.keySet()) + ")");
            return USAGE_ERROR;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return command.run(rest, context);
        } catch (UsageException e) {
            context.err().println("cp-agent " + command.name() + ": error: " + e.getMessage());
            context.err().println("Try '" + CommandSpec.PROGRAM + " " + command.name() + " --help'.");
            return USAGE_ERROR;
        }
    }

    static String help() {
        StringBuilder text = new StringBuilder("EV Charging CP agent: one charging point's Engine and Monitor.\n\n")
                .append("Usage: ").append(CommandSpec.PROGRAM).append(" <subcommand> [arguments] [options]\n\n")
                .append("Subcommands:\n");
        COMMANDS.values().forEach(c -> text.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        return text.append("\n'").append(CommandSpec.PROGRAM).append(" <subcommand> --help' describes each one.\n")
                .toString();
    }
}
