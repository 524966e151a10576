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
 * @param nodeId this node's id among the voters
 * @param voters the cluster's KRaft controllers; this node alone unless it is part of a cluster
 */
public record BrokerSettings(String advertisedHost, int port, int controllerPort, Path dataDir, int partitions,
        String bindHost, int nodeId, QuorumVoters voters) {

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
        if (voters == null) {
            voters = QuorumVoters.single(nodeId, "localhost", controllerPort);
        } else if (voters.voter(nodeId).port() != controllerPort) {
            throw new IllegalArgumentException("the controller port " + controllerPort + " differs from node " + nodeId
                    + "'s entry among the voters " + voters);
        }
    }

    /** Whether this node is one of several: topics then get replicas on other nodes. */
    public boolean clustered() {
        return voters.size() > 1;
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
        private int nodeId = CombinedModeConfig.NODE_ID;
        private QuorumVoters voters;

        Builder() {
        }

        /** This node's id (default 1); with {@link #voters} it must be one of them. */
        public Builder nodeId(int nodeId) {
            if (nodeId < 0) {
                throw new IllegalArgumentException("node id must not be negative, got " + nodeId);
            }
            this.nodeId = nodeId;
            return this;
        }

        /** The cluster's controllers; this node's controller port is then its own entry's. Null (default): alone. */
        public Builder voters(QuorumVoters voters) {
            this.voters = voters;
            return this;
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
            int controller = voters != null ? voters.voter(nodeId).port()
                    : controllerPort == 0 ? Ports.pickFree() : controllerPort;
            return new BrokerSettings(advertisedHost,
                    port == 0 ? Ports.pickFree() : port,
                    controller,
                    Objects.requireNonNull(dataDir, "dataDir is required").toAbsolutePath(),
                    partitions, bindHost, nodeId, voters);
        }

        public EmbeddedKafkaBroker build() {
            return EmbeddedKafkaBroker.of(settings(), security);
        }
    }
}
