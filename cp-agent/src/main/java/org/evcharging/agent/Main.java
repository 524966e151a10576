package org.evcharging.agent;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.evcharging.agent.admin.AdminCommand;
import org.evcharging.agent.config.Converters;
import org.evcharging.agent.config.EnvironmentDefaults;
import org.evcharging.agent.config.HelpLayout;
import org.evcharging.agent.config.UsageErrors;
import org.evcharging.agent.driver.DriverCommand;
import org.evcharging.agent.engine.EngineCommand;
import org.evcharging.agent.monitor.MonitorCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code cp-agent.jar}: {@code engine ...} runs a charging point's Engine (EV_CP_E),
 * {@code monitor ...} its Monitor (EV_CP_M), {@code driver ...} a driver, {@code admin ...} the operator's console.
 */
@Command(name = "java -jar cp-agent.jar", mixinStandardHelpOptions = true,
        header = "EV Charging CP agent: one charging point's Engine and Monitor.",
        footer = "'${COMMAND-FULL-NAME} <subcommand> --help' describes each one.")
public final class Main implements Callable<Integer> {

    /** Exit status for arguments the process cannot run with. */
    public static final int USAGE_ERROR = UsageErrors.USAGE_ERROR;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        int status = run(args, CommandContext.system());
        // A normal end came from a shutdown hook; calling exit from it would wait for the hooks forever.
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the subcommand named by {@code args[0]}; returns the exit status. */
    public static int run(String[] args, CommandContext context) {
        return commandLine(context).execute(args);
    }

    /** The jar's whole command line, reading its surroundings from {@code context}. */
    public static CommandLine commandLine(CommandContext context) {
        CommandLine line = new CommandLine(new Main())
                .addSubcommand(new EngineCommand(context))
                .addSubcommand(new MonitorCommand(context))
                .addSubcommand(new DriverCommand(context))
                .addSubcommand(new AdminCommand(context));
        line.setOut(new PrintWriter(context.out(), true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(context.err(), true, StandardCharsets.UTF_8));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setDefaultValueProvider(new EnvironmentDefaults(context.environment(), context.dotEnv()));
        line.setParameterExceptionHandler(new UsageErrors());
        Converters.registerOn(line);
        HelpLayout.applyTo(line, version());
        return line;
    }

    private static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return "cp-agent " + (version != null ? version : "(development build)");
    }

    /** No subcommand: the help, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return USAGE_ERROR;
    }
}
