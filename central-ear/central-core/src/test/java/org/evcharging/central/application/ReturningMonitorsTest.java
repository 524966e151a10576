package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.junit.jupiter.api.Test;

/** After a restart, a charge request queued in Kafka is judged once the Monitors linked before are back. */
class ReturningMonitorsTest {

    private final CoreFixture central = new CoreFixture();

    @Test
    void aQueuedRequestWaitsForTheMonitorLinkedBeforeTheRestartAndIsThenAccepted() throws Exception {
        central.activeCp("cp_001");
        CoreFixture restarted = central.restarted();
        restarted.adopted.resumeAfterRestart();
        assertThat(restarted.cp("cp_001").state()).isEqualTo(ChargingPointState.DISCONNECTED);

        CompletableFuture<Set<String>> queuedRequest = waitingFor(restarted);
        assertThat(queuedRequest).isNotDone();
        restarted.connect(new FakeMonitorChannel("10.0.0.2:50001"), "cp_001");

        assertThat(queuedRequest.get(5, TimeUnit.SECONDS)).as("CPs not back").isEmpty();
        ChargingSession session = restarted.charge("cp_001", "driver_1");
        assertThat(restarted.cp("cp_001").state()).isEqualTo(ChargingPointState.CHARGING);
        assertThat(session.cpId()).isEqualTo("cp_001");
    }

    @Test
    void aMonitorThatDoesNotComeBackHoldsRequestsNoLongerThanTheWindow() {
        central.activeCp("cp_001");
        central.activeCp("cp_002");
        CoreFixture restarted = central.restarted();
        restarted.adopted.resumeAfterRestart();
        restarted.connect(new FakeMonitorChannel("10.0.0.2:50002"), "cp_002");

        restarted.advanceSeconds(restarted.settings.monitorReturnWindow.toSeconds());

        assertThat(awaitReturns(restarted)).containsExactly("cp_001");
        assertThat(awaitReturns(restarted)).as("after the window nobody is awaited").isEmpty();
    }

    @Test
    void aCpThatWasNotLinkedWhenCentralStoppedIsNotAwaited() {
        FakeMonitorChannel monitor = central.activeCp("cp_001");
        central.reports.linkLost(monitor, "socket closed");
        assertThat(central.cp("cp_001").state()).isEqualTo(ChargingPointState.DISCONNECTED);
        CoreFixture restarted = central.restarted();
        restarted.adopted.resumeAfterRestart();

        assertThat(awaitReturns(restarted)).isEmpty();
    }

    @Test
    void clusteredCentralsDoNotWaitTheirMonitorsMoveToAnotherCentral() {
        CoreFixture a = CoreFixture.cluster("a").get(0);
        a.activeCp("cp_001");
        CoreFixture restarted = a.restarted();
        restarted.settings.clustered = true;
        restarted.settings.centralName = "a";
        restarted.ownership.name();
        restarted.advanceSeconds(restarted.settings.leaseTerm().toSeconds() + 1); // its old lease has expired
        restarted.adopted.resumeAfterRestart();

        assertThat(awaitReturns(restarted)).isEmpty();
    }

    /** What a queued charge request waits for; a wait that does not end within 5 s fails the test. */
    private static Set<String> awaitReturns(CoreFixture central) {
        try {
            return waitingFor(central).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the charge request was still held after 5 s", e);
        }
    }

    private static CompletableFuture<Set<String>> waitingFor(CoreFixture central) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return central.returning.awaitReturns();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
