package org.evcharging.agent.config;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * An {@code IP:PORT} address as the design's command lines take it (§6.3): a non-empty host, a
 * colon, and a port between 1024 and 65535. A listening address may also use port 0 (the system
 * picks a free port). IPv6 hosts are written in brackets, {@code [::1]:5000}.
 */
public record HostPort(String host, int port) {

    public static final int MIN_PORT = 1024;
    public static final int MAX_PORT = 65535;

    public HostPort {
        Objects.requireNonNull(host, "host");
    }

    /** An address to connect to. */
    public static HostPort parse(String text) {
        return parse(text, false);
    }

    /** An address to listen on: port 0 lets the system choose. */
    public static HostPort parseListen(String text) {
        return parse(text, true);
    }

    private static HostPort parse(String text, boolean anyPortAllowed) {
        String value = text == null ? "" : text.trim();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("'" + value + "' is not in IP:PORT form (e.g. localhost:5000)");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("'" + value + "' has an empty host");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' has a port that is not a number");
        }
        boolean inRange = port >= MIN_PORT && port <= MAX_PORT;
        if (!inRange && !(anyPortAllowed && port == 0)) {
            throw new IllegalArgumentException("'" + value + "' has port " + port + "; it must be between "
                    + MIN_PORT + " and " + MAX_PORT + (anyPortAllowed ? " (or 0 for any free port)" : ""));
        }
        return new HostPort(host, port);
    }

    public HostPort withPort(int newPort) {
        return new HostPort(host, newPort);
    }

    /** Resolves the host now: call it for every connection attempt, so a changed DNS entry is seen. */
    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
