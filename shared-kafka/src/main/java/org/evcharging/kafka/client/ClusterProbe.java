package org.evcharging.kafka.client;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/**
 * Tells whether the Kafka cluster answers, for readiness checks: Liberty's Kafka connector reports
 * nothing while the broker is down. One admin client serves every probe (one per probe would leak
 * connections), and each probe is bounded so a health endpoint never hangs.
 */
public final class ClusterProbe implements AutoCloseable {

    /** What the cluster said about itself. */
    public record Cluster(String clusterId, int nodes) {
    }

    private final String bootstrapServers;
    private final Duration timeout;
    private final Admin admin;

    public ClusterProbe(String bootstrapServers, String clientId, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        this.admin = Admin.create(ClientSettings.admin(bootstrapServers, clientId, timeout));
    }

    /**
     * Asks the cluster for its id and nodes.
     *
     * @throws ExecutionException with the client's reason when the cluster refused or could not be reached
     * @throws TimeoutException when no answer came within the probe's timeout
     */
    public Cluster describe() throws ExecutionException, TimeoutException, InterruptedException {
        int timeoutMs = (int) timeout.toMillis();
        DescribeClusterResult result = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
        // A little beyond the request's own timeout, so the client's reason wins over ours.
        long waitMs = timeoutMs + 500L;
        String clusterId = result.clusterId().get(waitMs, TimeUnit.MILLISECONDS);
        int nodes = result.nodes().get(waitMs, TimeUnit.MILLISECONDS).size();
        return new Cluster(clusterId, nodes);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
