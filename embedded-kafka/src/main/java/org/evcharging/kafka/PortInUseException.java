package org.evcharging.kafka;

/**
 * A port the broker must listen on is already taken. Raised before the broker starts, because a
 * Kafka server that fails to bind can hang its JVM instead of failing.
 */
public class PortInUseException extends BrokerStartException {

    private final int port;

    public PortInUseException(String role, int port) {
        this(role, port, null);
    }

    public PortInUseException(String role, int port, Throwable cause) {
        super("Port " + port + " (" + role + ") is already in use; stop whatever listens on it or choose another port",
                cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
