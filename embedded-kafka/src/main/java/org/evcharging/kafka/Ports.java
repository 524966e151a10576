package org.evcharging.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
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

    /** Fails if the port is taken on {@code host} (an empty host: on any interface). */
    static void requireFree(String host, int port, String role) {
        if (host == null || host.isEmpty()) {
            requireFree(port, role);
            return;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (IOException e) {
            throw new IllegalArgumentException(role + ": cannot resolve the bind host '" + host + "'", e);
        }
        if (!isOfThisMachine(address)) {
            throw new IllegalArgumentException(role + ": the bind host " + host + " (" + address.getHostAddress()
                    + ") is not an address of this machine");
        }
        try {
            new ServerSocket(port, 1, address).close();
        } catch (IOException e) {
            throw new PortInUseException(role, port);
        }
    }

    private static boolean isOfThisMachine(InetAddress address) {
        try {
            // Every 127.x.y.z is this machine on Linux, though an interface lists only 127.0.0.1.
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (IOException e) {
            return true; // let the bind itself tell
        }
    }

    static int requireValid(int port, String role) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(role + " port must be 0..65535, got " + port);
        }
        return port;
    }
}
