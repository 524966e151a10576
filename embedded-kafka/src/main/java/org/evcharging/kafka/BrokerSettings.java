package org.evcharging.kafka;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how an {@link EmbeddedKafkaBroker} runs. Ports given as 0 are replaced by free ones
 * when the settings are built, so they stay the same for the broker's whole life.
 *
 * @param advertisedHost the host clients are told to connect to (in metadata); other machines need
 *        one they can reach, {@code localhost} serves this machine only
 * @param bindHost the address the client listener binds; empty for every interface
 */
public record BrokerSettings(String advertisedHost, int port, int controllerPort, Path dataDir, int partitions,
        String bindHost) {

    public BrokerSettings {
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        if (advertisedHost.isBlank() || isWildcard(advertisedHost)) {
            throw new IllegalArgumentException("advertisedHost must be a host clients can connect to, got '"
                    + advertisedHost + "'");
        }
        bindHost = bindHost == null || isWildcard(bindHost) ? "" : bindHost.trim();
        Objects.requireNonNull(dataDir, "dataDir is required");
        Ports.requireValid(port, "Client");
        Ports.requireValid(controllerPort, "Controller");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
    }

    /** Whether the client listener binds every interface. */
    public boolean bindsEveryInterface() {
        return bindHost.isEmpty();
    }

    /** An address this machine reaches the client listener on, whatever the advertised host is. */
    String localBootstrap() {
        return HostNames.hostPort(bindsEveryInterface() ? "localhost" : bindHost, port);
    }

    static boolean isWildcard(String host) {
        String h = host.trim();
        return h.isEmpty() || h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]") || h.equals("*");
    }

    /** Settings of a broker; only the data directory is required. */
    public static final class Builder {
        private String advertisedHost = "localhost";
        private String bindHost = "";
        private int port;
        private int controllerPort;
        private Path dataDir;
        private int partitions = EvChargingTopics.DEFAULT_PARTITIONS;
        private BrokerSecurity security;

        Builder() {
        }

        /** Client port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = Ports.requireValid(port, "Client");
            return this;
        }

        /** Port of the KRaft controller listener, on localhost only; 0 (the default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = Ports.requireValid(controllerPort, "Controller");
            return this;
        }

        /** Where the broker keeps its data; reusing a directory keeps its records. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Partitions of each system topic, and of topics clients create implicitly. */
        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /** Host name clients are told to connect to (default localhost); other machines need a name they can reach. */
        public Builder advertisedHost(String advertisedHost) {
            this.advertisedHost = advertisedHost;
            return this;
        }

        /** Address the client listener binds; empty, {@code 0.0.0.0} or {@code ::} (the default) for every interface. */
        public Builder bindHost(String bindHost) {
            this.bindHost = bindHost;
            return this;
        }

        /** SASL_SSL on the client listener instead of PLAINTEXT; null (the default) for PLAINTEXT. */
        public Builder security(BrokerSecurity security) {
            this.security = security;
            return this;
        }

        public BrokerSettings settings() {
            return new BrokerSettings(advertisedHost,
                    port == 0 ? Ports.pickFree() : port,
                    controllerPort == 0 ? Ports.pickFree() : controllerPort,
                    Objects.requireNonNull(dataDir, "dataDir is required").toAbsolutePath(),
                    partitions, bindHost);
        }

        public EmbeddedKafkaBroker build() {
            return EmbeddedKafkaBroker.of(settings(), security);
        }
    }
}
