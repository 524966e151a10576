package org.evcharging.kafka;

/** {@code host:port} strings as Kafka reads them: an IPv6 literal goes in brackets. */
final class HostNames {

    private HostNames() {
    }

    static String hostPort(String host, int port) {
        return bracketed(host) + ":" + port;
    }

    static String bracketed(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
