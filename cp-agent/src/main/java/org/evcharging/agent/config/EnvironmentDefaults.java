package org.evcharging.agent.config;

import java.lang.reflect.AnnotatedElement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Picocli's defaults for what the command line leaves out: the real environment, then the
 * {@code .env} file, then the option's own default. (The first implementation let {@code .env} win
 * over the environment, 10.33; a deployment's environment is the more deliberate choice.)
 * It remembers what it supplied so an error can say where a bad value came from.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

    private final Map<String, String> environment;
    private final Map<String, String> dotEnv;
    private final Map<ArgSpec, String> supplied = new HashMap<>();

    public EnvironmentDefaults(Map<String, String> environment, Map<String, String> dotEnv) {
        this.environment = Map.copyOf(environment);
        this.dotEnv = Map.copyOf(dotEnv);
    }

    /** The provider picocli was given for {@code spec}'s command line. */
    public static EnvironmentDefaults of(CommandSpec spec) {
        return (EnvironmentDefaults) spec.defaultValueProvider();
    }

    public static Optional<String> variableOf(ArgSpec arg) {
        return arg.userObject() instanceof AnnotatedElement element && element.isAnnotationPresent(Env.class)
                ? Optional.of(element.getAnnotation(Env.class).value()) : Optional.empty();
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        Optional<String> variable = variableOf(arg);
        if (variable.isEmpty()) {
            return null;
        }
        String name = variable.get();
        Optional<String> fromEnvironment = value(environment, name);
        Optional<String> value = fromEnvironment.or(() -> value(dotEnv, name));
        value.ifPresent(v -> supplied.put(arg, (fromEnvironment.isPresent() ? "environment" : ".env")
                + " variable " + name));
        return value.orElse(null);
    }

    /** A variable's value, environment first; blank counts as unset. */
    public Optional<String> value(String name) {
        return value(environment, name).or(() -> value(dotEnv, name));
    }

    private static Optional<String> value(Map<String, String> source, String name) {
        return Optional.ofNullable(source.get(name)).filter(v -> !v.isBlank()).map(String::strip);
    }

    /** Where {@code arg}'s value came from, as an error message names it. */
    public String origin(ArgSpec arg) {
        return supplied.getOrDefault(arg, onCommandLine(arg));
    }

    public static String onCommandLine(ArgSpec arg) {
        return arg instanceof OptionSpec option ? "option " + option.longestName() : "argument " + arg.paramLabel();
    }
}
