package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.AgentProcess;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.FakeMonitor;
import it.org.evcharging.central.support.KafkaDriver;
import it.org.evcharging.central.support.SharedCentral;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.api.security.PayloadSignature;
import org.evcharging.api.security.PayloadSignature.Key;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-CP payload keys for the Engine's Kafka records, against a real Central and broker: a real
 * Engine signs with the key its Monitor got at authentication and its charge is billed; a record
 * published by anyone else for the CP's session (no or a wrong signature) is refused and shows in
 * the audit log; after the operator revokes the key, records signed with it are refused too.
 */
@ExtendWith(SharedCentral.class)
class PayloadKeysIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static CentralFixture system;
    private static AdminApi admin;

    @BeforeAll
    static void startSystem() {
        system = SharedCentral.system();
        admin = new AdminApi(system.central().baseUri(), null);
    }

    private static String newCpId() {
        return "cp_paykey_" + NEXT.incrementAndGet();
    }

    private static KafkaDriver driver() {
        return new KafkaDriver(system.kafka().bootstrapServers(), "driver_paykey_" + NEXT.incrementAndGet());
    }

    private static String payloadKeyIdOf(String cpId) throws Exception {
        return AdminApi.json(admin.get("registry/charging-points/" + cpId)).path("payload_key_id").asText(null);
    }

    /** The refusals the audit log shows for the CP's Kafka records. */
    private static List<JsonNode> refusedRecords(String cpId) throws Exception {
        String actor = URLEncoder.encode("cp:" + cpId, StandardCharsets.UTF_8);
        HttpResponse<String> page = admin.get("audit?outcome=REFUSED&actor=" + actor + "&limit=100");
        assertThat(page.statusCode()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        AdminApi.json(page).path("entries").forEach(line -> {
            if ("kafka.record".equals(line.path("action").asText())) {
                lines.add(line);
            }
        });
        return lines;
    }

    private static void awaitRefusal(String cpId, String reason) {
        await("refusal '" + reason + "' of " + cpId + " in the audit log").atMost(WAIT).until(() ->
                refusedRecords(cpId).stream().anyMatch(line -> line.path("detail").asText().contains(reason)));
    }

    private static String json(WireMessage message) {
        return MessageCodec.toJson(message);
    }

    private static String startCharge(KafkaDriver driver, String cpId) throws Exception {
        ChargeRequest request = ChargeRequest.of(cpId, driver.id());
        driver.send(Topics.DRIVER_CHARGE_REQUESTS, request);
        Response accepted = driver.await(Response.class, r -> request.messageId().equals(r.messageId()), WAIT);
        assertThat(accepted.status()).as(accepted.info()).isEqualTo(ReplyStatus.SUCCESS);
        return accepted.sessionId();
    }

    /** The Engine's records of the CP as they are on the topic. */
    private static List<JsonNode> recordsOnTopic(String cpId) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "paykeys-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.CHARGING_SESSION_DATA));
            long end = System.nanoTime() + WAIT.toNanos();
            while (found.isEmpty() && System.nanoTime() < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    // Keyed by the CP; other tests put non-JSON records on the topic too.
                    if (cpId.equals(record.key())) {
                        found.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(record.value()));
                    }
                }
            }
        }
        return found;
    }

    @Test
    void aChargeOnAnEngineThatSignsItsRecordsIsBilledAndNoneOfItsRecordsIsRefused() throws Exception {
        String cpId = newCpId();
        int port = AgentProcess.freePort();
        Path dir = system.workDir().resolve(cpId);
        try (AgentProcess.Group group = new AgentProcess.Group(); KafkaDriver driver = driver()) {
            AgentProcess engine = group.add(AgentProcess.engine(system.kafka().bootstrapServers(), port,
                    dir.resolve("engine"), 200, 2));
            engine.awaitLine("ENGINE LISTENING ON", WAIT);
            String credential = admin.register(cpId, AgentProcess.TEST_LOCATION, AgentProcess.TEST_PRICE);
            group.add(AgentProcess.monitor(port, system.acceptorPort(), cpId, 1, dir.resolve("monitor"), credential));
            await().atMost(WAIT).until(() -> admin.stateOf(cpId).equals("ACTIVE"));
            await().atMost(WAIT).until(() -> payloadKeyIdOf(cpId) != null);
            String keyId = payloadKeyIdOf(cpId);
            engine.awaitLine("Payload key " + keyId + " received", WAIT);

            String sessionId = startCharge(driver, cpId);
            ChargeCompletion ticket = driver.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), WAIT);

            assertThat(ticket.energyConsumedKwh()).isPositive();
            assertThat(ticket.totalCost()).isEqualTo(Math.round(ticket.energyConsumedKwh() * AgentProcess.TEST_PRICE * 100) / 100.0);
            List<JsonNode> onTopic = recordsOnTopic(cpId);
            assertThat(onTopic).isNotEmpty().allSatisfy(record -> {
                assertThat(record.path("key_id").asText()).isEqualTo(keyId);
                assertThat(record.path("signature").asText()).isNotBlank();
            });
            assertThat(refusedRecords(cpId)).as("refused Kafka records of " + cpId).isEmpty();
        }
    }

    @Test
    void forgedRecordsAreRefusedAndAuditedAndAfterRevocationTheOldKeyIsRefusedToo() throws Exception {
        String cpId = newCpId();
        String credential = admin.register(cpId, "Parking K", 0.30);
        try (FakeMonitor cp = FakeMonitor.connect(system.acceptorPort()); KafkaDriver driver = driver()) {
            AuthResponse auth = cp.call(AuthRequest.of(cpId, credential), AuthResponse.class);
            assertThat(auth.status()).isEqualTo(ReplyStatus.SUCCESS);
            Key key = auth.key().orElseThrow(() -> new AssertionError("no payload key in " + auth));
            assertThat(payloadKeyIdOf(cpId)).isEqualTo(key.id());
            cp.call(RegisterRequest.of(cpId, "Unknown", 0.2, 5), Response.class);
            cp.call(StatusUpdate.of(cpId, ChargingPointState.ACTIVE), Response.class);
            String sessionId = startCharge(driver, cpId);
            cp.await(StartChargingCommand.class, c -> sessionId.equals(c.sessionId()), WAIT);
            String driverId = driver.id();

            // The Engine's own record, signed: applied (the driver sees it; nothing came over the socket).
            driver.sendRaw(Topics.CHARGING_SESSION_DATA,
                    PayloadSignature.sign(json(ChargingData.of(cpId, sessionId, driverId, 0.01, 0.0, 1)), key));
            driver.await(ChargingStatusUpdate.class, u -> sessionId.equals(u.sessionId()) && u.energyConsumedKwh() == 0.01, WAIT);

            // Forgeries with the CP's id and session: unsigned, and signed by a key of the forger's.
            driver.sendRaw(Topics.CHARGING_SESSION_DATA, json(ChargingData.of(cpId, sessionId, driverId, 50.0, 15.0, 2)));
            Key forger = new Key(key.id(), PayloadSignature.newKey().secret());
            driver.sendRaw(Topics.CHARGING_SESSION_DATA,
                    PayloadSignature.sign(json(ChargingData.of(cpId, sessionId, driverId, 60.0, 18.0, 3)), forger));
            driver.sendRaw(Topics.CHARGING_SESSION_COMPLETE,
                    json(ChargeCompletion.of(cpId, sessionId, driverId, 70.0, 21.0, SessionEnding.UNPLUGGED)));
            awaitRefusal(cpId, "the record is not signed");
            awaitRefusal(cpId, "the signature does not match the record");
            await().atMost(WAIT).until(() -> refusedRecords(cpId).size() >= 3);
            assertThat(admin.stateOf(cpId)).as("the forged completion ended nothing").isEqualTo("CHARGING");
            assertThat(driver.drain()).as("no forged kWh reached the driver").noneMatch(m ->
                    m instanceof ChargingStatusUpdate u && u.energyConsumedKwh() >= 50.0 || m instanceof ChargeCompletion);

            // The operator revokes the key: the linked Monitor is sent a new one at once.
            HttpResponse<String> revoked = admin.delete("registry/charging-points/" + cpId + "/payload-key");
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
            String newKeyId = AdminApi.json(revoked).path("payload_key_id").asText();
            assertThat(newKeyId).isNotBlank().isNotEqualTo(key.id());
            assertThat(revoked.body()).doesNotContain(key.secret());
            AuthResponse rekeyed = cp.await(AuthResponse.class, r -> r.key().isPresent(), WAIT);
            Key fresh = rekeyed.key().orElseThrow();
            assertThat(fresh.id()).isEqualTo(newKeyId);

            driver.sendRaw(Topics.CHARGING_SESSION_DATA,
                    PayloadSignature.sign(json(ChargingData.of(cpId, sessionId, driverId, 80.0, 24.0, 4)), key));
            awaitRefusal(cpId, "the record is signed with a revoked or replaced payload key");
            driver.sendRaw(Topics.CHARGING_SESSION_COMPLETE, PayloadSignature.sign(
                    json(ChargeCompletion.of(cpId, sessionId, driverId, 0.02, 0.01, SessionEnding.UNPLUGGED)), fresh));
            ChargeCompletion ticket = driver.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), WAIT);
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.02);
            assertThat(refusedRecords(cpId)).allSatisfy(line -> {
                assertThat(line.path("parameters").asText()).contains(sessionId);
                assertThat(line.toString()).doesNotContain(key.secret()).doesNotContain(fresh.secret());
            });
        }
    }
}
