package org.evcharging.agent.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.config.HostPortList;
import org.junit.jupiter.api.Test;

class FailoverOrderTest {

    private static final HostPort A = new HostPort("central-a", 5000);
    private static final HostPort B = new HostPort("central-b", 5000);
    private static final HostPort C = new HostPort("central-c", 5000);

    @Test
    void triesTheAddressesInOrderAndBacksOffOnlyWhenAllFailed() {
        FailoverOrder order = new FailoverOrder(HostPortList.of(A, B, C));

        assertThat(order.current()).isEqualTo(A);
        assertThat(order.failed()).as("B is still to try").isFalse();
        assertThat(order.current()).isEqualTo(B);
        assertThat(order.position()).isEqualTo(2);
        assertThat(order.failed()).isFalse();
        assertThat(order.current()).isEqualTo(C);
        assertThat(order.failed()).as("all three failed: back off").isTrue();
        assertThat(order.current()).as("the next round starts again at the first").isEqualTo(A);
    }

    @Test
    void staysOnTheAddressThatWorkedAndMovesOnWhenItIsLost() {
        FailoverOrder order = new FailoverOrder(HostPortList.of(A, B));
        order.failed();
        order.connected();
        assertThat(order.current()).isEqualTo(B);

        // B is lost later: it is tried again first, then A, and only then a backoff.
        assertThat(order.current()).isEqualTo(B);
        assertThat(order.failed()).isFalse();
        assertThat(order.current()).isEqualTo(A);
        assertThat(order.failed()).isTrue();
    }

    @Test
    void oneAddressBacksOffAfterEveryFailureAsBefore() {
        FailoverOrder order = new FailoverOrder(HostPortList.of(A));
        assertThat(order.failed()).isTrue();
        assertThat(order.current()).isEqualTo(A);
    }
}
