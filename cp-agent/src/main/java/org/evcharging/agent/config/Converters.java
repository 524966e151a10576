package org.evcharging.agent.config;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How option text becomes values, with one-line reasons instead of picocli's Java type names. */
public final class Converters {

    private Converters() {
    }

    public static void registerOn(CommandLine line) {
        line.registerConverter(HostPort.class, text -> parse(text, HostPort::parse, null));
        line.registerConverter(HostPortList.class, text -> parse(text, HostPortList::parse, null));
        line.registerConverter(Duration.class, Converters::seconds);
        line.registerConverter(Integer.class, text -> parse(text, Integer::valueOf, "a whole number"));
        line.registerConverter(int.class, text -> parse(text, Integer::valueOf, "a whole number"));
        line.registerConverter(Double.class, text -> parse(text, Double::valueOf, "a number"));
        line.registerConverter(double.class, text -> parse(text, Double::valueOf, "a number"));
        line.registerConverter(Boolean.class, Converters::truthy);
        line.registerConverter(boolean.class, Converters::truthy);
    }

    /** Seconds, fractions allowed ({@code 0.5}); infinities become zero so the range check refuses them. */
    static Duration seconds(String text) {
        double seconds = parse(text, Double::valueOf, "a number of seconds");
        return Double.isFinite(seconds) ? Duration.ofNanos(Math.round(seconds * 1e9)) : Duration.ZERO;
    }

    /** True for {@code true}, {@code 1} or {@code yes} in any case, as the first implementation reads DEBUG_MODE. */
    static Boolean truthy(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return value.equals("true") || value.equals("1") || value.equals("yes");
    }

    /** {@code expected} null: the parser's own message explains the problem. */
    private static <T> T parse(String text, Function<String, T> parser, String expected) {
        try {
            return parser.apply(text.strip());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(expected == null ? e.getMessage() : "'" + text + "' is not " + expected);
        }
    }

    /** An address to listen on: port 0 lets the system choose. */
    public static final class ListenAddress implements ITypeConverter<HostPort> {
        @Override
        public HostPort convert(String text) {
            return parse(text, HostPort::parseListen, null);
        }
    }

    /** Kafka bootstrap servers, {@code host:port[,host:port...]}, checked and kept as text. */
    public static final class BrokerList implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            for (String server : text.split(",")) {
                parse(server, HostPort::parse, null);
            }
            return text.strip();
        }
    }
}
