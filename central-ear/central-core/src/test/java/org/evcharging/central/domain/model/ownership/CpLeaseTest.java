package org.evcharging.central.domain.model.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.shared.ConflictException;
import org.junit.jupiter.api.Test;

class CpLeaseTest {

    private static final CpId CP = CpId.of("cp_1");
    private static final Duration TERM = Duration.ofSeconds(3);
    private static final long T0 = 1_000_000L;

    @Test
    void theFirstLeaseIsHeldByItsTakerUntilItsTermEnds() {
        CpLease lease = CpLease.first(CP, "a", T0, TERM);

        assertThat(lease.holder(T0 + 3_000)).contains("a");
        assertThat(lease.holder(T0 + 3_001)).isEmpty();
        assertThat(lease.isExpired(T0 + 3_001)).isTrue();
        assertThat(lease.epoch()).isEqualTo(1);
    }

    @Test
    void anotherCentralCannotTakeALeaseThatRuns() {
        CpLease lease = CpLease.first(CP, "a", T0, TERM);

        assertThat(lease.mayBeTakenBy("b", T0 + 2_999)).isFalse();
        assertThatThrownBy(() -> lease.takeBy("b", T0 + 2_999, TERM)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("held by Central a");
        assertThat(lease.holder(T0 + 2_999)).contains("a");
    }

    @Test
    void theHolderRenewsItsLeaseWithinTheSameEpoch() {
        CpLease lease = CpLease.first(CP, "a", T0, TERM);

        lease.takeBy("a", T0 + 2_000, TERM);

        assertThat(lease.holder(T0 + 4_500)).contains("a");
        assertThat(lease.epoch()).isEqualTo(1);
    }

    @Test
    void anExpiredLeasePassesToTheNextCentralInANewEpoch() {
        CpLease lease = CpLease.first(CP, "a", T0, TERM);

        lease.takeBy("b", T0 + 3_001, TERM);

        assertThat(lease.isHeldBy("b")).isTrue();
        assertThat(lease.holder(T0 + 6_000)).contains("b");
        assertThat(lease.epoch()).isEqualTo(2);
        assertThat(lease.mayBeTakenBy("a", T0 + 6_000)).as("the old holder has no claim left").isFalse();
    }

    @Test
    void aHolderThatLetItExpireMayStillTakeItBackWhileNobodyElseDid() {
        CpLease lease = CpLease.first(CP, "a", T0, TERM);

        lease.takeBy("a", T0 + 10_000, TERM);

        assertThat(lease.holder(T0 + 10_000)).contains("a");
        assertThat(lease.epoch()).isEqualTo(1);
    }

    @Test
    void aLeaseNeedsATermAndAHolder() {
        assertThatThrownBy(() -> CpLease.first(CP, "a", T0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CpLease.first(CP, " ", T0, TERM)).isInstanceOf(IllegalArgumentException.class);
        CpLease lease = CpLease.first(CP, "a", T0, TERM);
        assertThatThrownBy(() -> lease.takeBy(null, T0, TERM)).isInstanceOf(IllegalArgumentException.class);
    }
}
