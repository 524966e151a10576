package org.evcharging.agent.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.engine.EngineAgent;
import org.evcharging.agent.runtime.EventLoop;
import org.evcharging.agent.support.CapturedOutput;
import org.evcharging.agent.support.SharedKafka;
import org.evcharging.agent.support.TestAgents;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pause of the Monitor's own JVM (a GC, a starved CPU while a whole system starts on two cores) is
 * not its Engine's silence: a healthy Engine is not reported faulty because of it.
 */
@ExtendWith(SharedKafka.class)
class MonitorPauseTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration MISSES_WINDOW = TestAgents.HEALTH_INTERVAL.multipliedBy(TestAgents.HEALTH_MISSES);

    @TempDir
    Path dir;
    private final CapturedOutput output = new CapturedOutput("monitor");
    private final EventLoop loop = new EventLoop("monitor-under-test");
    private final LocalState state = new LocalState();
    private final List<String> faults = new CopyOnWriteArrayList<>();
    private EngineAgent engine;
    private EngineSupervisor supervisor;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.link().close();
        }
        loop.close();
        engine.close();
    }

    @Test
    void aPauseOfTheMonitorLongerThanTheMissesIsNoFaultOfAHealthyEngine() throws IOException {
        engine = EngineAgent.start(TestAgents.engine(dir.resolve("engine")), new CapturedOutput("engine").eventLog(), null);
        supervisor = new EngineSupervisor(TestAgents.monitor(engine.address(), new HostPort("localhost", 9),
                TestAgents.uniqueCpId(), dir.resolve("monitor")), loop, output.eventLog(), state);
        supervisor.reportTo(new FaultRecorder());
        supervisor.start();
        await("the Engine healthy").atMost(TIMEOUT)
                .until(() -> loop.call(() -> state.engineHealth().kind() == EngineHealth.Kind.HEALTHY));

        // Not a synchronisation: this is the pause under test, with the Engine answering all along.
        loop.execute(() -> LockSupport.parkNanos(MISSES_WINDOW.multipliedBy(3).toNanos()));
        Instant pauseEnds = Instant.now().plus(MISSES_WINDOW.multipliedBy(3));
        await("health answers after the pause").atMost(TIMEOUT).until(() -> {
            Instant last = loop.call(supervisor::lastAnswer);
            return last.isAfter(pauseEnds.plus(MISSES_WINDOW));
        });

        assertThat(faults).isEmpty();
        assertThat(loop.call(() -> state.engineHealth().kind())).isEqualTo(EngineHealth.Kind.HEALTHY);
    }

    private final class FaultRecorder implements CentralReporter {
        @Override
        public void engineFailed(String failureInfo) {
            faults.add(failureInfo);
        }

        @Override
        public void engineRecovered() {
        }

        @Override
        public void statusMayHaveChanged() {
        }

        @Override
        public void restateStatus() {
        }

        @Override
        public void relayTelemetry(ChargingData data) {
        }

        @Override
        public void relayCompletion(ChargeCompletion completion) {
        }
    }
}
