package org.evcharging.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves each {@link Setting} of a subcommand: command line, then the real environment, then the
 * {@code .env} file, then the caller's default. (The first implementation let {@code .env} win
 * over the environment, 10.33; a deployment's environment is the more deliberate choice.)
 * Typed getters turn a bad value into a one-line {@link UsageException} that says where it came from.
 */
public final class Config {

    private final CommandLine commandLine;
    private final Map<String, String> environment;
    private final Map<String, String> dotEnv;

    public Config(CommandLine commandLine, Map<String, String> environment, Map<String, String> dotEnv) {
        this.commandLine = commandLine;
        this.environment = Map.copyOf(environment);
        this.dotEnv = Map.copyOf(dotEnv);
    }

    /** The raw value and where it came from, if any source has one. */
    public Optional<Value> lookup(Setting setting) {
        Optional<String> given = commandLine.value(setting);
        if (given.isPresent()) {
            return Optional.of(new Value(given.get(), setting.positional()
                    ? "argument <" + setting.name() + ">" : "option " + setting.name()));
        }
        if (setting.env() != null) {
            String fromEnv = environment.get(setting.env());
            if (fromEnv != null && !fromEnv.isBlank()) {
                return Optional.of(new Value(fromEnv.strip(), "environment variable " + setting.env()));
            }
            String fromFile = dotEnv.get(setting.env());
            if (fromFile != null && !fromFile.isBlank()) {
                return Optional.of(new Value(fromFile.strip(), ".env variable " + setting.env()));
            }
        }
        return Optional.empty();
    }

    public boolean isSet(Setting setting) {
        return lookup(setting).isPresent();
    }

    public String text(Setting setting, String fallback) {
        return lookup(setting).map(Value::text).orElse(fallback);
    }

    public String requiredText(Setting setting) throws UsageException {
        return lookup(setting).map(Value::text).orElseThrow(() -> missing(setting));
    }

    public HostPort address(Setting setting, String fallback) throws UsageException {
        return convert(setting, fallback, HostPort::parse, "an IP:PORT address");
    }

    public HostPort listenAddress(Setting setting, String fallback) throws UsageException {
        return convert(setting, fallback, HostPort::parseListen, "an IP:PORT address");
    }

    public int wholeNumber(Setting setting, int fallback, int min, int max) throws UsageException {
        int value = convert(setting, Integer.toString(fallback), Integer::parseInt, "a whole number");
        if (value < min || value > max) {
            throw invalid(setting, Integer.toString(value), "a whole number from " + min + " to " + max);
        }
        return value;
    }

    public double decimal(Setting setting, double fallback, double min) throws UsageException {
        double value = convert(setting, Double.toString(fallback), Double::parseDouble, "a number");
        if (!(value >= min) || Double.isInfinite(value)) {
            throw invalid(setting, Double.toString(value), "a number of at least " + min);
        }
        return value;
    }

    /** A duration given in (possibly fractional) seconds, e.g. {@code 0.5}. */
    public Duration seconds(Setting setting, double fallbackSeconds, Duration min) throws UsageException {
        double seconds = convert(setting, Double.toString(fallbackSeconds), Double::parseDouble, "a number of seconds");
        Duration value = Double.isFinite(seconds) ? Duration.ofNanos(Math.round(seconds * 1e9)) : Duration.ZERO;
        if (value.compareTo(min) < 0) {
            throw invalid(setting, Double.toString(seconds), "at least " + min.toMillis() / 1000.0 + " seconds");
        }
        return value;
    }

    public Path path(Setting setting, Path fallback) throws UsageException {
        Optional<Value> value = lookup(setting);
        if (value.isEmpty()) {
            return fallback;
        }
        return convert(setting, null, Path::of, "a file system path");
    }

    /** True for {@code true}, {@code 1} or {@code yes} in any case, as the first implementation reads DEBUG_MODE. */
    public boolean bool(Setting setting) {
        return lookup(setting)
                .map(v -> v.text().toLowerCase(Locale.ROOT))
                .map(t -> t.equals("true") || t.equals("1") || t.equals("yes"))
                .orElse(false);
    }

    public <E extends Enum<E>> E choice(Setting setting, E fallback) throws UsageException {
        Class<E> type = fallback.getDeclaringClass();
        String names = Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
        return convert(setting, fallback.name(), t -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(t)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException();
        }, "one of " + names);
    }

    private <T> T convert(Setting setting, String fallback, Function<String, T> parser, String expected)
            throws UsageException {
        Optional<Value> value = lookup(setting);
        String text = value.map(Value::text).orElse(fallback);
        if (text == null) {
            throw missing(setting);
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            boolean explained = e.getMessage() != null && !(e instanceof NumberFormatException);
            String why = explained ? ": " + e.getMessage() : " '" + text + "'";
            throw new UsageException("invalid " + describe(setting, value) + why + " (expected " + expected + ")");
        }
    }

    private UsageException invalid(Setting setting, String text, String expected) {
        return new UsageException("invalid " + describe(setting, lookup(setting)) + " '" + text
                + "' (expected " + expected + ")");
    }

    private static String describe(Setting setting, Optional<Value> value) {
        return value.map(Value::origin).orElse(setting.positional() ? "<" + setting.name() + ">" : setting.name());
    }

    private static UsageException missing(Setting setting) {
        String what = setting.positional() ? "missing argument <" + setting.name() + ">" : "missing " + setting.name();
        return new UsageException(what + (setting.env() != null ? " (or set " + setting.env() + ")" : ""));
    }

    /** A raw value and where it came from, for error messages. */
    public record Value(String text, String origin) {
    }
}
