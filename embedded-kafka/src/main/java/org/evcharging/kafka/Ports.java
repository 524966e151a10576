package org.evcharging.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free-port picking and the taken-port check done before any broker starts. */
final class Ports {

    private Ports() {
    }

    /** A port nobody listens on right now; the caller binds it soon after. */
    static int pickFree() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port available", e);
        }
    }

    /** Fails if anyone listens on the port, on any interface. */
    static void requireFree(int port, String role) {
        // A wildcard bind collides with a listener on any single address too.
        try {
            new ServerSocket(port).close();
        } catch (IOException e) {
            throw new PortInUseException(role, port);
        }
    }

    static int requireValid(int port, String role) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(role + " port must be 0..65535, got " + port);
        }
        return port;
    }
}
