package org.evcharging.agent.config;

import java.time.Duration;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks picocli cannot express (ranges, required-unless-debug), failing as usage errors that name the value's source. */
public final class Checks {

    private Checks() {
    }

    /** The positional argument at {@code index}, else {@code fallback}; missing when both are null. */
    public static String given(CommandSpec spec, int index, String value, String fallback) {
        if (value != null) {
            return value;
        }
        if (fallback != null) {
            return fallback;
        }
        throw missing(spec, index);
    }

    public static ParameterException missing(CommandSpec spec, int index) {
        ArgSpec arg = spec.positionalParameters().get(index);
        return new ParameterException(spec.commandLine(), "missing argument " + arg.paramLabel()
                + EnvironmentDefaults.variableOf(arg).map(v -> " (or set " + v + ")").orElse(""));
    }

    public static int within(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(spec, option, value, "a whole number from " + min + " to " + max);
        }
        return value;
    }

    public static double atLeast(CommandSpec spec, String option, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw invalid(spec, option, value, "a number of at least " + min);
        }
        return value;
    }

    public static Duration atLeast(CommandSpec spec, String option, Duration value, Duration min) {
        if (value.compareTo(min) < 0) {
            throw invalid(spec, option, value.toMillis() / 1000.0, "at least " + min.toMillis() / 1000.0 + " seconds");
        }
        return value;
    }

    public static ParameterException invalid(CommandSpec spec, String option, Object value, String expected) {
        String origin = EnvironmentDefaults.of(spec).origin(spec.findOption(option));
        return new ParameterException(spec.commandLine(),
                "invalid " + origin + " '" + value + "' (expected " + expected + ")");
    }
}
