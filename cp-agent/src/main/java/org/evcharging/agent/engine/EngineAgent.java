package org.evcharging.agent.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.evcharging.agent.RunningAgent;
import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.console.EventLog;
import org.evcharging.agent.runtime.EventLoop;
import org.evcharging.api.Topics;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.net.FrameServer;
import org.evcharging.api.protocol.Framing;
import org.evcharging.kafka.client.RecordPublisher;

/**
 * A running Engine (EV_CP_E): the TCP server its Monitor connects to, the charger itself, its
 * Kafka producer, its state file and, optionally, the operator's menu. The operator's actions are
 * offered here as methods too, so the menu is only a terminal adapter over them.
 */
public final class EngineAgent implements RunningAgent {

    private static final int MAX_QUEUED_BYTES = 1 << 20;
    private static final Duration KAFKA_CLOSE_TIMEOUT = Duration.ofSeconds(3);
    public static final String DEFAULT_MANUAL_DRIVER = "manual_driver";

    private final EventLoop loop = new EventLoop("engine");
    private final EventLog log;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private FrameServer server;
    private RecordPublisher kafka;
    private ChargingEngine engine;
    private HostPort address;
    private Path dataDir;

    private EngineAgent(EventLog log) {
        this.log = log;
    }

    /**
     * Binds, recovers what the data directory holds, then serves. {@code menuInput} null: no menu.
     *
     * @throws IOException when the address cannot be bound or the data directory not created
     */
    public static EngineAgent start(EngineOptions options, EventLog log, InputStream menuInput) throws IOException {
        EngineAgent agent = new EngineAgent(log);
        try {
            agent.open(options);
        } catch (IOException | RuntimeException e) {
            agent.close();
            throw e;
        }
        if (menuInput != null) {
            Thread menu = new Thread(new EngineMenu(menuInput, log, agent), "engine-menu");
            menu.setDaemon(true);
            menu.start();
        }
        return agent;
    }

    private void open(EngineOptions options) throws IOException {
        // Ready before listening: a Monitor connects as soon as the port is open, and a slow first
        // answer would look like a dead Engine.
        kafka = new RecordPublisher(options.brokerAddress(), "ev-cp-engine");
        // The loop reads this.engine only once frames arrive, i.e. after the server thread starts.
        server = new FrameServer(options.listen().toSocketAddress(), Framing.DEFAULT_MAX_PAYLOAD, MAX_QUEUED_BYTES,
                connection -> new MonitorConnectionHandler(connection, engine, loop, log)).bind();
        address = options.listen().withPort(server.localPort());
        dataDir = options.dataDirFor(address.port());
        EngineStateStore store = new EngineStateStore(dataDir);
        engine = new ChargingEngine(options, loop, log, kafka, store);
        loop.run(() -> engine.recover(store.load()));
        Thread serving = new Thread(server, "engine-server");
        serving.setDaemon(true);
        serving.start();
        log.text(String.join("\n", "=====",
                "ENGINE LISTENING ON: " + address,
                "Use this address to start the Monitor:",
                "java -jar cp-agent.jar monitor " + address + " <central_ip:port> <cp_id>",
                "Kafka: " + options.brokerAddress() + "   Data: " + store.file() + "   Plug mode: "
                        + options.plugMode().name().toLowerCase(java.util.Locale.ROOT),
                "====="));
    }

    public HostPort address() {
        return address;
    }

    public Path dataDir() {
        return dataDir;
    }

    // ---- The operator's actions (menu) --------------------------------------------------------

    /** Sends a charge request for this CP to Central over Kafka, unless the CP plainly cannot charge now. */
    public String requestCharge(String driverId) {
        String driver = driverId == null || driverId.isBlank() ? DEFAULT_MANUAL_DRIVER : driverId.strip();
        String refusal = loop.call(engine::manualRequestRefusal);
        if (refusal != null) {
            return "Charge request refused: " + refusal;
        }
        ChargeRequest request = ChargeRequest.of(loop.call(engine::cpId), driver);
        kafka.publish(Topics.DRIVER_CHARGE_REQUESTS, request, error -> log.event(error == null
                ? "Charge request " + request.messageId() + " delivered to Kafka"
                : "Charge request " + request.messageId() + " could not be delivered to Kafka: " + error.getMessage()));
        return "Charge request sent to CENTRAL for driver " + driver + " at " + request.cpId();
    }

    public String plugIn() {
        return loop.call(engine::plugIn);
    }

    public String unplug() {
        return loop.call(engine::unplug);
    }

    public String simulateFault() {
        return loop.call(engine::simulateFault);
    }

    public String simulateRecovery() {
        return loop.call(engine::simulateRecovery);
    }

    public String status() {
        return loop.call(() -> engine.status().render());
    }

    // ---- Lifecycle ----------------------------------------------------------------------------

    @Override
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /**
     * Clean shutdown: a supply in progress ends and is saved, Kafka gets a few seconds to take what
     * is queued, what it did not take stays on disk for the next start; then Monitors are let go.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (engine != null) {
            loop.run(engine::shutdown);
        }
        if (kafka != null) {
            kafka.close(KAFKA_CLOSE_TIMEOUT);
        }
        if (engine != null) {
            loop.run(engine::save);
        }
        if (server != null) {
            server.close();
        }
        loop.close();
        log.event("Engine stopped");
        stopped.countDown();
    }
}
