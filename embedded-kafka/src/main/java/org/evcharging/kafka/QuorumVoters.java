package org.evcharging.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.Uuid;

/**
 * The KRaft controllers of a cluster, as Kafka's {@code controller.quorum.voters} writes them:
 * {@code 1@host-a:9093,2@host-b:9093,3@host-c:9093}. One voter is the single-node broker of old;
 * three make a cluster that survives the loss of any one node.
 */
public record QuorumVoters(List<Voter> voters) {

    /** One controller: its node id and where its controller listener is. */
    public record Voter(int nodeId, String host, int port) {
        @Override
        public String toString() {
            return nodeId + "@" + HostNames.hostPort(host, port);
        }
    }

    public QuorumVoters {
        voters = List.copyOf(voters);
        if (voters.isEmpty()) {
            throw new IllegalArgumentException("the controller quorum needs at least one voter");
        }
        Set<Integer> ids = new HashSet<>();
        for (Voter voter : voters) {
            if (!ids.add(voter.nodeId())) {
                throw new IllegalArgumentException("node id " + voter.nodeId() + " appears twice among the voters");
            }
        }
    }

    public static QuorumVoters single(int nodeId, String host, int port) {
        return new QuorumVoters(List.of(new Voter(nodeId, host, port)));
    }

    /** Parses {@code id@host:port[,id@host:port...]}; IPv6 hosts in brackets. */
    public static QuorumVoters parse(String text) {
        List<Voter> voters = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String entry = part.strip();
            int at = entry.indexOf('@');
            int colon = entry.lastIndexOf(':');
            if (at <= 0 || colon <= at + 1 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("'" + entry + "' is not a voter: write id@host:port, e.g. 1@localhost:9093");
            }
            String host = entry.substring(at + 1, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            voters.add(new Voter(number(entry.substring(0, at), entry), host,
                    Ports.requireValid(number(entry.substring(colon + 1), entry), "Controller")));
        }
        return new QuorumVoters(voters);
    }

    private static int number(String text, String entry) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + entry + "': '" + text + "' is not a number");
        }
    }

    public int size() {
        return voters.size();
    }

    /** This node's own entry. */
    public Voter voter(int nodeId) {
        return voters.stream().filter(v -> v.nodeId() == nodeId).findFirst().orElseThrow(() ->
                new IllegalArgumentException("node id " + nodeId + " is not among the voters " + this));
    }

    /** Replicas of every topic: three where there are three nodes or more, else one per node. */
    public short replicationFactor() {
        return (short) Math.min(3, size());
    }

    /** In-sync replicas an acks=all write needs: 2 of 3 survives one lost node; fewer nodes allow no more than 1. */
    public int minInsyncReplicas() {
        return replicationFactor() >= 3 ? 2 : 1;
    }

    /**
     * A cluster id every node computes alike from the voters, so the nodes of a cluster format their
     * storage independently and still agree; a different voter list is another cluster.
     */
    public String derivedClusterId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.wrap(digest);
            return new Uuid(bytes.getLong(), bytes.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return voters.stream().map(Voter::toString).collect(Collectors.joining(","));
    }
}
