package org.evcharging.kafka.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.evcharging.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterProbeTest {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path dataDir;

    @Test
    void aRunningClusterSaysWhoItIs() throws Exception {
        try (EmbeddedKafkaBroker broker = TestBrokers.started(dataDir);
             ClusterProbe probe = new ClusterProbe(broker.bootstrapServers(), "test-probe", PROBE_TIMEOUT)) {
            assertThat(probe.describe()).isEqualTo(new ClusterProbe.Cluster(broker.clusterId(), 1));
        }
    }

    @Test
    void anAbsentClusterFailsWithinTheProbeTimeout() {
        try (ClusterProbe probe = new ClusterProbe("localhost:" + TestBrokers.freePort(), "test-probe", PROBE_TIMEOUT)) {
            long started = System.nanoTime();

            assertThatThrownBy(probe::describe).isInstanceOf(Exception.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
