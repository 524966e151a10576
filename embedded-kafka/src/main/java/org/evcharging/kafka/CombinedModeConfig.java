package org.evcharging.kafka;

import java.nio.file.Path;
import java.util.Properties;

/** Server properties of a node that is both KRaft controller and broker, alone or one of a cluster. */
final class CombinedModeConfig {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private CombinedModeConfig() {
    }

    static Properties of(BrokerSettings settings, Path logDir) {
        return of(settings, logDir, null);
    }

    /** With {@code security}, the client (and inter-broker) listener speaks SASL_SSL instead of PLAINTEXT. */
    static Properties of(BrokerSettings settings, Path logDir, BrokerSecurity security) {
        String client = security == null ? "PLAINTEXT" : BrokerSecurity.LISTENER;
        int port = settings.port();
        int controllerPort = settings.controllerPort();
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        QuorumVoters voters = settings.voters();
        p.setProperty("node.id", Integer.toString(settings.nodeId()));
        // Static voters: the controller's address is not written into the metadata log, so a
        // restart may use another controller port.
        p.setProperty("controller.quorum.voters", voters.toString());
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        // Clients may come from other machines (every interface unless a bind host is given); the
        // controller listens where its voter entry says (localhost when alone). Clients are told the
        // advertised host in metadata and connect to it next, so it must be an address they can reach.
        p.setProperty("listeners", client + "://" + HostNames.hostPort(settings.bindHost(), port)
                + "," + CONTROLLER_LISTENER + "://" + HostNames.hostPort(voters.voter(settings.nodeId()).host(), controllerPort));
        p.setProperty("advertised.listeners", client + "://" + HostNames.hostPort(settings.advertisedHost(), port));
        p.setProperty("listener.security.protocol.map", client + ":" + client + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        // Nodes of a cluster replicate over the client listener, so with SASL_SSL they sign in as the broker user.
        p.setProperty("inter.broker.listener.name", client);
        if (security != null) {
            security.addBrokerProperties(p);
        }
        p.setProperty("log.dirs", logDir.toString());

        // Three replicas with three nodes or more (two must acknowledge an acks=all write, so one lost
        // node loses nothing and stops nothing); one node can only hold one.
        String replicas = Short.toString(voters.replicationFactor());
        String minInsync = Integer.toString(voters.minInsyncReplicas());
        p.setProperty("default.replication.factor", replicas);
        p.setProperty("min.insync.replicas", minInsync);
        p.setProperty("offsets.topic.replication.factor", replicas);
        p.setProperty("transaction.state.log.replication.factor", replicas);
        p.setProperty("transaction.state.log.min.isr", minInsync);
        p.setProperty("share.coordinator.state.topic.replication.factor", replicas);
        p.setProperty("share.coordinator.state.topic.min.isr", minInsync);
        // Fewer offsets partitions make the first consumer group join in well under a second.
        p.setProperty("offsets.topic.num.partitions", "5");
        // A topic auto-created by a client that comes first gets the same partition count as ours.
        p.setProperty("num.partitions", Integer.toString(settings.partitions()));
        // After a crash the controller refuses the restarted broker until the dead incarnation's
        // session expires (9 s by default); short also moves leadership off a dead node of a cluster
        // within seconds.
        p.setProperty("broker.session.timeout.ms", "3000");
        p.setProperty("broker.heartbeat.interval.ms", "1000");
        // Consumers of a fresh group start at once instead of waiting for more members.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }
}
