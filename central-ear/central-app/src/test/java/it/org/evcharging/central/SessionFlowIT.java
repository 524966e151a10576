package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.FakeMonitor;
import it.org.evcharging.central.support.KafkaDriver;
import it.org.evcharging.central.support.SharedCentral;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.AvailableCpsRequest;
import org.evcharging.api.message.driver.AvailableCpsResponse;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.ChargingHistoryRequest;
import org.evcharging.api.message.driver.ChargingHistoryResponse;
import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.message.driver.StopChargingRequest;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.FaultNotification;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.message.monitor.StopChargingSessionCommand;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.model.SessionEnding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sessions against a real Central and a real broker: a scripted CP on the socket (and its Kafka
 * copies, as the Engine sends them), scripted drivers on Kafka.
 */
@ExtendWith(SharedCentral.class)
class SessionFlowIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static CentralFixture system;
    private static AdminApi admin;
    private static KafkaDriver engineKafka;
    /** The payload key Central gave each CP with its approval: the Engine signs its Kafka copies with it. */
    private static final java.util.Map<String, org.evcharging.api.security.PayloadSignature.Key> KEYS =
            new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void startSystem() throws Exception {
        system = SharedCentral.system();
        admin = new AdminApi(system.central().baseUri(), null);
        engineKafka = new KafkaDriver(system.kafka().bootstrapServers(), "engine-copies");
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (engineKafka != null) {
            engineKafka.close();
        }
    }

    private static FakeMonitor activeCp(String cpId) throws Exception {
        FakeMonitor monitor = FakeMonitor.connect(system.acceptorPort());
        AuthResponse answer = monitor.call(AuthRequest.of(cpId), AuthResponse.class);
        if (ReplyStatus.PENDING.equals(answer.status())) {
            // The shared Central leaves new CPs to the operator.
            assertThat(admin.post("charging-points/" + cpId + "/authorize").statusCode()).isEqualTo(200);
            answer = monitor.await(AuthResponse.class, r -> ReplyStatus.SUCCESS.equals(r.status()), WAIT);
        }
        answer.key().ifPresent(key -> KEYS.put(cpId, key));
        monitor.call(RegisterRequest.of(cpId, "Alicante", 0.25, 5), Response.class);
        monitor.call(StatusUpdate.of(cpId, ChargingPointState.ACTIVE), Response.class);
        return monitor;
    }

    private static KafkaDriver driver(String name) {
        return new KafkaDriver(system.kafka().bootstrapServers(), name + "_" + NEXT.incrementAndGet());
    }

    private static Response requestCharge(KafkaDriver driver, String driverId, String cpId) throws Exception {
        ChargeRequest request = ChargeRequest.of(cpId, driverId);
        driver.send(Topics.DRIVER_CHARGE_REQUESTS, request);
        return driver.await(Response.class, r -> request.messageId().equals(r.messageId()), WAIT);
    }

    /** One tick as the Engine sends it: to its Monitor and, the same record, to Kafka. */
    private static void tick(FakeMonitor monitor, String cpId, String sessionId, String driverId, int n) throws Exception {
        ChargingData data = ChargingData.of(cpId, sessionId, driverId, n * 0.01, Math.round(n * 0.01 * 0.25 * 100) / 100.0, n);
        monitor.call(data, Response.class);
        engineCopy(Topics.CHARGING_SESSION_DATA, cpId, data);
    }

    /** The Engine's Kafka copy of a record, signed with the CP's payload key as a real Engine signs it. */
    private static void engineCopy(String topic, String cpId, org.evcharging.api.message.WireMessage record) throws Exception {
        org.evcharging.api.security.PayloadSignature.Key key = KEYS.get(cpId);
        assertThat(key).as("payload key of " + cpId).isNotNull();
        engineKafka.sendRaw(topic, org.evcharging.api.security.PayloadSignature.sign(
                org.evcharging.api.message.MessageCodec.toJson(record), key));
    }

    @Test
    void aChargeRunsFromRequestToOneTicketWhoseKwhAndEurosAreTheMeteredTicks() throws Exception {
        String cpId = "cp_flow_" + NEXT.incrementAndGet();
        try (FakeMonitor cp = activeCp(cpId); KafkaDriver driver = driver("driver_flow")) {
            String driverId = driver.id();
            Response accepted = requestCharge(driver, driverId, cpId);
            assertThat(accepted.status()).isEqualTo("success");
            String sessionId = accepted.sessionId();
            StartChargingCommand start = cp.await(StartChargingCommand.class, c -> sessionId.equals(c.sessionId()), WAIT);
            assertThat(start.driverId()).isEqualTo(driverId);
            assertThat(start.pricePerKwh()).isEqualTo(0.25);

            for (int n = 1; n <= 5; n++) {
                tick(cp, cpId, sessionId, driverId, n);
            }
            await().atMost(WAIT).until(() -> admin.stateOf(cpId).equals("CHARGING"));
            ChargeCompletion completion = ChargeCompletion.of(cpId, sessionId, driverId, 0.05, 0.01, SessionEnding.UNPLUGGED);
            cp.call(completion, Response.class);
            engineCopy(Topics.CHARGING_SESSION_COMPLETE, cpId, completion);

            ChargeCompletion ticket = driver.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), WAIT);
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.05);
            assertThat(ticket.totalCost()).isEqualTo(0.01);
            assertThat(ticket.endedBy()).isEqualTo("unplugged");
            assertThat(ticket.startTime()).isNotNull();
            assertThat(ticket.endTime()).isNotNull();
            await().atMost(WAIT).until(() -> admin.stateOf(cpId).equals("ACTIVE"));

            // Five ticks arrived twice each: the driver saw each once, and one ticket only.
            List<WireMessage> rest = driver.drain();
            assertThat(rest).filteredOn(ChargeCompletion.class::isInstance).isEmpty();
            ChargingHistoryRequest history = ChargingHistoryRequest.of(driverId);
            driver.send(Topics.DRIVER_CPS_REQUESTS, history);
            ChargingHistoryResponse past = driver.await(ChargingHistoryResponse.class,
                    h -> history.messageId().equals(h.messageId()), WAIT);
            assertThat(past.history()).singleElement().satisfies(entry -> {
                assertThat(entry.sessionId()).isEqualTo(sessionId);
                assertThat(entry.energyConsumedKwh()).isEqualTo(0.05);
                assertThat(entry.status()).isEqualTo("completed");
            });
        }
    }

    @Test
    void eachTickReachesTheDriverOnceThoughItArrivesTwice() throws Exception {
        String cpId = "cp_dup_" + NEXT.incrementAndGet();
        try (FakeMonitor cp = activeCp(cpId); KafkaDriver driver = driver("driver_dup")) {
            String driverId = driver.id();
            String sessionId = requestCharge(driver, driverId, cpId).sessionId();
            cp.await(StartChargingCommand.class);
            for (int n = 1; n <= 3; n++) {
                tick(cp, cpId, sessionId, driverId, n);
                tick(cp, cpId, sessionId, driverId, n);
            }
            ChargingStatusUpdate third = driver.await(ChargingStatusUpdate.class, u -> u.energyConsumedKwh() == 0.03, WAIT);
            assertThat(third.sessionId()).isEqualTo(sessionId);
            cp.call(ChargeCompletion.of(cpId, sessionId, driverId, 0.03, 0.01, SessionEnding.UNPLUGGED), Response.class);
            driver.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), WAIT);
            assertThat(driver.drain()).filteredOn(ChargingStatusUpdate.class::isInstance).isEmpty();
        }
    }

    @Test
    void aBurstOfReadingsOnKafkaEndsAtItsLatestAndTheDriverNeverSeesTheMeterGoBack() throws Exception {
        String cpId = "cp_burst_" + NEXT.incrementAndGet();
        try (FakeMonitor cp = activeCp(cpId); KafkaDriver driver = driver("driver_burst")) {
            String driverId = driver.id();
            String sessionId = requestCharge(driver, driverId, cpId).sessionId();
            cp.await(StartChargingCommand.class);
            // The Engine lost Kafka for 100 s and sends what it kept at once; its Monitor link stayed quiet.
            List<String> backlog = new java.util.ArrayList<>();
            for (int n = 1; n <= 100; n++) {
                ChargingData data = ChargingData.of(cpId, sessionId, driverId, n * 0.01, Math.round(n * 0.01 * 0.25 * 100) / 100.0, n);
                backlog.add(org.evcharging.api.security.PayloadSignature.sign(
                        org.evcharging.api.message.MessageCodec.toJson(data), KEYS.get(cpId)));
            }
            engineKafka.sendRawBurst(Topics.CHARGING_SESSION_DATA, backlog);

            List<Double> seen = new java.util.ArrayList<>();
            while (seen.isEmpty() || seen.get(seen.size() - 1) < 1.0) {
                WireMessage next = driver.next(WAIT).orElseThrow(() -> new AssertionError("no update reached 1.0 kWh; saw " + seen));
                if (next instanceof ChargingStatusUpdate update) {
                    seen.add(update.energyConsumedKwh());
                }
            }
            assertThat(seen).isSortedAccordingTo(java.util.Comparator.naturalOrder()).doesNotHaveDuplicates();
            cp.call(ChargeCompletion.of(cpId, sessionId, driverId, 1.0, 0.25, SessionEnding.UNPLUGGED), Response.class);
            ChargeCompletion ticket = driver.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), WAIT);
            assertThat(ticket.energyConsumedKwh()).isEqualTo(1.0);
            assertThat(driver.drain()).filteredOn(ChargingStatusUpdate.class::isInstance).as("updates after the last reading").isEmpty();
        }
    }

    @Test
    void refusedRequestsSayWhy() throws Exception {
        String cpId = "cp_busy_" + NEXT.incrementAndGet();
        try (FakeMonitor cp = activeCp(cpId); KafkaDriver first = driver("driver_first"); KafkaDriver second = driver("driver_second")) {
            assertThat(requestCharge(first, first.id(), "cp_nowhere").info())
                    .isEqualTo("Charging point cp_nowhere not registered");
            String firstId = first.id();
            assertThat(requestCharge(first, firstId, cpId).status()).isEqualTo("success");
            assertThat(requestCharge(first, firstId, cpId).info()).startsWith("Driver " + firstId + " already has a charging session");
            assertThat(requestCharge(second, second.id(), cpId).info())
                    .isEqualTo("Charging point " + cpId + " current status is CHARGING, cannot charge");
            AvailableCpsRequest list = AvailableCpsRequest.of(firstId);
            first.send(Topics.DRIVER_CPS_REQUESTS, list);
            AvailableCpsResponse available = first.await(AvailableCpsResponse.class, r -> list.messageId().equals(r.messageId()), WAIT);
            assertThat(available.chargingPoints()).noneMatch(p -> p.id().equals(cpId));
        }
    }

    @Test
    void requestsArrivingTogetherAreEachAnsweredAsIfTheyCameAlone() throws Exception {
        String free = "cp_burst_" + NEXT.incrementAndGet();
        String other = "cp_burst_" + NEXT.incrementAndGet();
        try (FakeMonitor freeCp = activeCp(free); FakeMonitor otherCp = activeCp(other);
             KafkaDriver first = driver("driver_burst"); KafkaDriver second = driver("driver_burst");
             KafkaDriver third = driver("driver_burst")) {
            ChargeRequest wins = ChargeRequest.of(free, first.id());
            ChargeRequest cpTaken = ChargeRequest.of(free, second.id());
            ChargeRequest nowhere = ChargeRequest.of("cp_nowhere", third.id());
            ChargeRequest elsewhere = ChargeRequest.of(other, third.id());
            // Back to back, so Central polls them together; the first is delivered twice.
            first.sendRawBurst(Topics.DRIVER_CHARGE_REQUESTS, List.of(MessageCodec.toJson(wins), MessageCodec.toJson(cpTaken),
                    "not json " + free, MessageCodec.toJson(wins), MessageCodec.toJson(nowhere), MessageCodec.toJson(elsewhere)));

            Response won = first.await(Response.class, r -> wins.messageId().equals(r.messageId()), WAIT);
            Response repeated = first.await(Response.class, r -> wins.messageId().equals(r.messageId()), WAIT);
            assertThat(won.status()).isEqualTo("success");
            assertThat(repeated.sessionId()).as("the same request gets the same session").isEqualTo(won.sessionId());
            assertThat(second.await(Response.class, r -> cpTaken.messageId().equals(r.messageId()), WAIT).info())
                    .isEqualTo("Charging point " + free + " current status is CHARGING, cannot charge");
            assertThat(third.await(Response.class, r -> nowhere.messageId().equals(r.messageId()), WAIT).info())
                    .isEqualTo("Charging point cp_nowhere not registered");
            Response started = third.await(Response.class, r -> elsewhere.messageId().equals(r.messageId()), WAIT);
            assertThat(started.status()).isEqualTo("success");
            assertThat(freeCp.await(StartChargingCommand.class, c -> true, WAIT).sessionId()).isEqualTo(won.sessionId());
            assertThat(otherCp.await(StartChargingCommand.class, c -> true, WAIT).sessionId()).isEqualTo(started.sessionId());
        }
    }

    @Test
    void aDriverStopsOnlyTheirOwnSessionAndGetsTheTicket() throws Exception {
        String cpId = "cp_stop_" + NEXT.incrementAndGet();
        try (FakeMonitor cp = activeCp(cpId); KafkaDriver owner = driver("driver_owner"); KafkaDriver other = driver("driver_other")) {
            String ownerId = owner.id();
            String sessionId = requestCharge(owner, ownerId, cpId).sessionId();
            cp.await(StartChargingCommand.class);
            tick(cp, cpId, sessionId, ownerId, 1);

            StopChargingRequest foreign = StopChargingRequest.of(sessionId, cpId, other.id());
            other.send(Topics.DRIVER_STOP_REQUESTS, foreign);
            assertThat(other.await(Response.class, r -> foreign.messageId().equals(r.messageId()), WAIT).info())
                    .isEqualTo("Charging session " + sessionId + " does not belong to driver " + other.id());

            StopChargingRequest own = StopChargingRequest.of(sessionId, cpId, ownerId);
            owner.send(Topics.DRIVER_STOP_REQUESTS, own);
            assertThat(owner.await(Response.class, r -> own.messageId().equals(r.messageId()), WAIT).status()).isEqualTo("success");
            cp.await(StopChargingSessionCommand.class, c -> sessionId.equals(c.sessionId()), WAIT);
            cp.call(ChargeCompletion.of(cpId, sessionId, ownerId, 0.02, 0.01, SessionEnding.DRIVER_STOP), Response.class);
            ChargeCompletion ticket = owner.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), WAIT);
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.02);
            assertThat(ticket.endedBy()).isEqualTo("driver_stop");
        }
    }

    @Test
    void aFaultEndsTheSupplyAtOnceWithTheEnergySoFar() throws Exception {
        String cpId = "cp_fault_" + NEXT.incrementAndGet();
        try (FakeMonitor cp = activeCp(cpId); KafkaDriver driver = driver("driver_fault")) {
            String driverId = driver.id();
            String sessionId = requestCharge(driver, driverId, cpId).sessionId();
            cp.await(StartChargingCommand.class);
            tick(cp, cpId, sessionId, driverId, 1);
            tick(cp, cpId, sessionId, driverId, 2);
            driver.await(ChargingStatusUpdate.class, u -> u.energyConsumedKwh() == 0.02, WAIT);

            cp.call(FaultNotification.of(cpId, FaultNotification.ENGINE_CONNECTION_LOST), Response.class);
            ChargeCompletion ticket = driver.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), WAIT);
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.02);
            assertThat(ticket.endedBy()).isEqualTo("engine_fault");
            assertThat(admin.stateOf(cpId)).isEqualTo("FAULTY");
        }
    }

    @Test
    void aCpThatNeverStartsTheSupplyIsReportedNotLeftHanging() throws Exception {
        String cpId = "cp_mute_" + NEXT.incrementAndGet();
        try (FakeMonitor cp = activeCp(cpId); KafkaDriver driver = driver("driver_mute")) {
            String driverId = driver.id();
            String sessionId = requestCharge(driver, driverId, cpId).sessionId();
            ChargeCompletion ticket = driver.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), WAIT);
            assertThat(ticket.endedBy()).isEqualTo("start_failed");
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.0);
            await().atMost(WAIT).until(() -> admin.stateOf(cpId).equals("ACTIVE"));
        }
    }

    @Test
    void garbageOnEveryConsumedTopicIsSkippedAndTheConsumersGoOn() throws Exception {
        try (KafkaDriver driver = driver("driver_garbage")) {
            for (String topic : List.of(Topics.DRIVER_CHARGE_REQUESTS, Topics.DRIVER_STOP_REQUESTS,
                    Topics.DRIVER_CPS_REQUESTS, Topics.CHARGING_SESSION_DATA, Topics.CHARGING_SESSION_COMPLETE)) {
                driver.sendRaw(topic, "not json at all {");
                driver.sendRaw(topic, "[1, 2, 3]");
                driver.sendRaw(topic, "{\"type\": \"charge_request\", \"message_id\": \"x\"}");
                driver.sendRaw(topic, "{\"type\": \"charging_data\", \"message_id\": \"y\", \"cp_id\": \"c\", "
                        + "\"session_id\": \"nope\", \"energy_consumed_kwh\": \"lots\", \"total_cost\": 1}");
            }
            String driverId = driver.id();
            AvailableCpsRequest after = AvailableCpsRequest.of(driverId);
            driver.send(Topics.DRIVER_CPS_REQUESTS, after);
            assertThat(driver.await(AvailableCpsResponse.class, r -> after.messageId().equals(r.messageId()), WAIT).status())
                    .isEqualTo("success");
            Response refused = requestCharge(driver, driverId, "cp_nowhere");
            assertThat(refused.status()).isEqualTo("failure");
        }
    }
}
