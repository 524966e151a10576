package org.evcharging.agent.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.support.CapturedOutput;
import org.evcharging.agent.support.FakeCentral;
import org.evcharging.agent.support.TestAgents;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.engine.CommandResponse;
import org.evcharging.api.message.engine.HealthCheckRequest;
import org.evcharging.api.message.engine.HealthCheckResponse;
import org.evcharging.api.message.engine.InitCpId;
import org.evcharging.api.message.monitor.FaultNotification;
import org.evcharging.api.message.monitor.RecoveryNotification;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.net.FrameConnection;
import org.evcharging.api.net.FrameServer;
import org.evcharging.api.protocol.Framing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Monitor's watch over an Engine that stops answering or reports trouble, against a scripted Engine. */
class MonitorHealthCheckTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;
    private final CapturedOutput output = new CapturedOutput("monitor");
    private final String cpId = TestAgents.uniqueCpId();
    private final FakeCentral central = new FakeCentral().knowingEveryCp();
    private ScriptedEngine engine;
    private MonitorAgent monitor;

    @BeforeEach
    void start() throws IOException {
        engine = new ScriptedEngine();
        monitor = MonitorAgent.start(TestAgents.monitor(engine.address(), central.address(), cpId, dataDir),
                output.eventLog(), false);
        central.awaitMessage(StatusUpdate.class, s -> "ACTIVE".equals(s.status()), TIMEOUT);
    }

    @AfterEach
    void stop() {
        monitor.close();
        engine.server.close();
        central.close();
    }

    @Test
    void anEngineThatFallsSilentIsAFaultAfterTheMissedChecks() {
        Instant silent = Instant.now();
        engine.answering = false;

        FaultNotification fault = central.awaitMessage(FaultNotification.class, f -> true, TIMEOUT);

        Duration window = TestAgents.HEALTH_INTERVAL.multipliedBy(TestAgents.HEALTH_MISSES + 2L);
        assertThat(Duration.between(silent, Instant.now())).isLessThan(window.plusMillis(500));
        assertThat(fault.failureInfo()).isEqualTo("EV_CP_E health check timeout");
        assertThat(fault.id()).isEqualTo(cpId);
        central.awaitMessage(StatusUpdate.class, s -> "FAULTY".equals(s.status()), TIMEOUT);

        engine.answering = true;
        central.awaitMessage(RecoveryNotification.class, r -> true, TIMEOUT);
        central.awaitMessage(StatusUpdate.class, s -> "ACTIVE".equals(s.status())
                && central.received().indexOf(s) > central.received().indexOf(fault), TIMEOUT);
    }

    @Test
    void anEngineReportingKoOrAnUnknownStateIsFaulty() {
        engine.state = "FAULTY";
        assertThat(central.awaitMessage(FaultNotification.class, f -> true, TIMEOUT).failureInfo())
                .isEqualTo("EV_CP_E reported KO");

        engine.state = "ACTIVE";
        central.awaitMessage(RecoveryNotification.class, r -> true, TIMEOUT);
        engine.state = "SMOKING";
        assertThat(central.awaitMessage(FaultNotification.class, f -> f.failureInfo().contains("SMOKING"), TIMEOUT)
                .failureInfo()).isEqualTo("EV_CP_E reported KO (state SMOKING)");
        assertThat(monitor.summary()).contains("FAULTY");
    }

    /** Answers init_cp_id, and health checks with {@link #state} while {@link #answering}. */
    private static final class ScriptedEngine {
        volatile boolean answering = true;
        volatile String state = ChargingPointState.ACTIVE.wire();
        final FrameServer server;

        ScriptedEngine() throws IOException {
            server = new FrameServer(new InetSocketAddress("localhost", 0), Framing.DEFAULT_MAX_PAYLOAD, 1 << 20,
                    connection -> (FrameConnection c, byte[] payload) -> answer(c, payload)).bind();
            Thread thread = new Thread(server, "scripted-engine");
            thread.setDaemon(true);
            thread.start();
        }

        HostPort address() {
            return new HostPort("localhost", server.localPort());
        }

        private void answer(FrameConnection connection, byte[] payload) {
            WireMessage message = MessageCodec.parse(payload).messageAs(WireMessage.class).orElseThrow();
            WireMessage reply = null;
            if (message instanceof InitCpId init) {
                reply = CommandResponse.success(init.messageId(), "CP_ID set to " + init.cpId());
            } else if (message instanceof HealthCheckRequest request && answering) {
                reply = new HealthCheckResponse(request.messageId(), "success", state, false);
            }
            if (reply != null) {
                connection.send(MessageCodec.toBytes(reply));
            }
        }
    }
}
