package org.evcharging.agent.config;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Bad input: one line that says what and where, the usage line, a pointer to --help; never a stack trace. */
public final class UsageErrors implements IParameterExceptionHandler {

    /** Exit status for arguments the process cannot run with. */
    public static final int USAGE_ERROR = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        PrintWriter err = ex.getCommandLine().getErr();
        boolean top = spec.parent() == null;
        err.println((top ? "cp-agent" : "cp-agent " + spec.name()) + ": error: " + message(ex, top));
        err.println("Usage: " + HelpLayout.synopsis(spec));
        err.println("Try '" + spec.qualifiedName() + " --help'.");
        return USAGE_ERROR;
    }

    private static String message(ParameterException ex, boolean top) {
        if (ex.getCause() instanceof TypeConversionException cause && ex.getArgSpec() != null) {
            CommandSpec spec = ex.getCommandLine().getCommandSpec();
            return "invalid " + EnvironmentDefaults.of(spec).origin(ex.getArgSpec()) + ": " + cause.getMessage();
        }
        if (top && ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            CommandLine line = ex.getCommandLine();
            return "unknown subcommand '" + unmatched.getUnmatched().get(0) + "' (one of "
                    + String.join(", ", line.getSubcommands().keySet()) + ")";
        }
        return ex.getMessage();
    }
}
