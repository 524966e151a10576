package org.evcharging.agent.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One or more {@code IP:PORT} addresses separated by commas, in order of preference, e.g. the
 * Centrals a Monitor may use: {@code central-a:5000,central-b:5000}. One address stays valid.
 */
public record HostPortList(List<HostPort> addresses) {

    public HostPortList {
        addresses = List.copyOf(Objects.requireNonNull(addresses, "addresses"));
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("at least one address is needed");
        }
    }

    public static HostPortList of(HostPort... addresses) {
        return new HostPortList(List.of(addresses));
    }

    public static HostPortList parse(String text) {
        String value = text == null ? "" : text.strip();
        List<HostPort> addresses = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("'" + value + "' has an empty address: separate IP:PORT addresses"
                        + " with single commas (e.g. localhost:5000,localhost:5001)");
            }
            addresses.add(HostPort.parse(part));
        }
        if (new LinkedHashSet<>(addresses).size() != addresses.size()) {
            throw new IllegalArgumentException("'" + value + "' names the same address twice");
        }
        return new HostPortList(addresses);
    }

    public HostPort first() {
        return addresses.get(0);
    }

    public int size() {
        return addresses.size();
    }

    public HostPort get(int index) {
        return addresses.get(index);
    }

    @Override
    public String toString() {
        return addresses.stream().map(HostPort::toString).collect(Collectors.joining(","));
    }
}
