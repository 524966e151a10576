package org.evcharging.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evcharging.agent.support.CapturedOutput;
import org.evcharging.agent.support.FrameTestClient;
import org.evcharging.agent.support.SharedKafka;
import org.evcharging.agent.support.TestAgents;
import org.evcharging.agent.support.TopicWatcher;
import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.engine.CommandResponse;
import org.evcharging.api.message.engine.HealthCheckRequest;
import org.evcharging.api.message.engine.HealthCheckResponse;
import org.evcharging.api.message.engine.InitCpId;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The operator's menu, driven through piped standard input as a script or a test would. */
@ExtendWith(SharedKafka.class)
class EngineMenuTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;
    private final CapturedOutput output = new CapturedOutput("engine");
    private final String cpId = TestAgents.uniqueCpId();
    private final PipedOutputStream keyboard = new PipedOutputStream();
    private EngineAgent engine;

    @AfterEach
    void stop() {
        engine.close();
    }

    private void type(String line) throws IOException {
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private FrameTestClient initializedMonitor() {
        FrameTestClient monitor = new FrameTestClient(engine.address());
        InitCpId init = InitCpId.of(cpId);
        monitor.send(init);
        monitor.reply(CommandResponse.class, init.messageId());
        return monitor;
    }

    @Test
    void requestsChargingThroughKafkaOnlyWhenTheCpCanCharge() throws IOException {
        engine = EngineAgent.start(TestAgents.engine(dataDir), output.eventLog(), new PipedInputStream(keyboard));
        output.awaitLine("EV_CP_E - ENGINE CONTROL MENU", TIMEOUT);

        type("1");
        type("");
        output.awaitLine("Charge request refused: no CP id yet", TIMEOUT);

        String driver = TestAgents.uniqueId("driver");
        try (FrameTestClient monitor = initializedMonitor();
             TopicWatcher requests = new TopicWatcher(SharedKafka.bootstrapServers(), Topics.DRIVER_CHARGE_REQUESTS)) {
            type("1");
            type(driver);
            output.awaitLine("Charge request sent to CENTRAL for driver " + driver + " at " + cpId, TIMEOUT);

            ConsumerRecord<String, String> record = requests.await(r -> driver.equals(r.key()), 1, TIMEOUT).get(0);
            ChargeRequest request = MessageCodec.parse(record.value()).messageAs(ChargeRequest.class).orElseThrow();
            assertThat(request.cpId()).isEqualTo(cpId);
            assertThat(request.driverId()).isEqualTo(driver);
            output.awaitLine("delivered to Kafka", TIMEOUT);

            type("6");
            output.awaitLine("CP ID: " + cpId, TIMEOUT);
            type("0");
            output.awaitLine("Menu closed; the Engine keeps running", TIMEOUT);
            assertThat(monitor.isOpen()).isTrue();
        }
    }

    @Test
    void plugsInUnplugsFailsAndRecoversInManualPlugMode() throws IOException {
        engine = EngineAgent.start(TestAgents.engine(dataDir).withPlugMode(PlugMode.MANUAL), output.eventLog(),
                new PipedInputStream(keyboard));
        try (FrameTestClient monitor = initializedMonitor()) {
            type("3");
            output.awaitLine("No vehicle is plugged in", TIMEOUT);

            StartChargingCommand start = StartChargingCommand.of(cpId, "s-manual", "driver_m", 0.3);
            monitor.send(start);
            assertThat(monitor.reply(CommandResponse.class, start.messageId()).message())
                    .isEqualTo("Charging authorized, waiting for the vehicle to be plugged in");
            assertThat(monitor.received(ChargingData.class)).isEmpty();

            type("2");
            output.awaitLine("Supply started session=s-manual", TIMEOUT);
            monitor.await(ChargingData.class, d -> d.seq() >= 2);

            type("4");
            output.awaitLine("Engine FAULT simulated", TIMEOUT);
            monitor.await(HealthCheckResponse.class, h -> "FAULTY".equals(h.engineStatus()));
            output.awaitLine("Supply stopped session=s-manual ended_by=engine_fault", TIMEOUT);
            assertThat(monitor.received(ChargeCompletion.class)).as("held back until recovery").isEmpty();

            type("5");
            ChargeCompletion completion = monitor.await(ChargeCompletion.class, c -> true);
            assertThat(completion.endedBy()).isEqualTo("engine_fault");
            assertThat(completion.energyConsumedKwh()).isGreaterThanOrEqualTo(0.02);
            monitor.await(HealthCheckResponse.class, h -> "ACTIVE".equals(h.engineStatus()));
        }
    }

    @Test
    void keepsRunningWhenItsInputEnds() throws IOException {
        engine = EngineAgent.start(TestAgents.engine(dataDir), output.eventLog(),
                new ByteArrayInputStream("6\n".getBytes(StandardCharsets.UTF_8)));

        output.awaitLine("Menu input closed; the Engine keeps running", TIMEOUT);
        try (FrameTestClient monitor = new FrameTestClient(engine.address())) {
            HealthCheckRequest request = HealthCheckRequest.of(cpId);
            monitor.send(request);
            assertThat(monitor.reply(HealthCheckResponse.class, request.messageId()).engineStatus()).isEqualTo("ACTIVE");
        }
    }
}
