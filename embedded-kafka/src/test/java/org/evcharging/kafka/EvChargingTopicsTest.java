package org.evcharging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** The parts of topic creation that need no cluster; the contract tests cover the rest. */
class EvChargingTopicsTest {

    @Test
    void minInsyncReplicasNeverExceedsWhatTheReplicationFactorCanGive() {
        assertThat(minInsync((short) 1)).isEqualTo("1");
        assertThat(minInsync((short) 2)).isEqualTo("1");
        assertThat(minInsync((short) 3)).isEqualTo("2");
        assertThat(new EvChargingTopics().topicConfig())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")
                .containsEntry(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false");
    }

    @Test
    void nonsenseCountsAreRefused() {
        assertThatThrownBy(() -> new EvChargingTopics(0, (short) 1)).hasMessageContaining("partitions");
        assertThatThrownBy(() -> new EvChargingTopics(3, (short) 0)).hasMessageContaining("replication factor");
    }

    @Test
    void anUnreachableClusterIsReportedWithinTheTimeout() {
        String nobodyListens = "localhost:" + Ports.pickFree();

        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThatThrownBy(
                () -> new EvChargingTopics().ensureCreated(nobodyListens, Duration.ofSeconds(2)))
                .isInstanceOf(TopicCreationException.class)
                .hasMessageContaining("Kafka did not answer in time"));
    }

    private static String minInsync(short replicationFactor) {
        return new EvChargingTopics(3, replicationFactor).topicConfig().get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
    }
}
