package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.FakeMonitor;
import it.org.evcharging.central.support.SharedCentral;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.model.ChargingPointState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The impersonation attack of issue 14 against a real Central over real sockets: a process that
 * knows a CP's id, but not its credential, tries to become it. It is refused with a clear reason,
 * the refusal is in the audit log, and the real CP keeps its link (its heartbeats answered) and its
 * price. Also: replayed and revoked credentials, a valid newer connection, legacy CPs, and the
 * operator's price.
 */
@ExtendWith(SharedCentral.class)
class CpCredentialsIT {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static CentralFixture system;
    private static AdminApi admin;

    @BeforeAll
    static void startSystem() {
        system = SharedCentral.system();
        admin = new AdminApi(system.central().baseUri(), null);
    }

    private static String newCpId() {
        return "cp_cred_" + NEXT.incrementAndGet();
    }

    /** A CP the operator registered at 0.30 €/kWh, whose Monitor authenticated with its credential and is ACTIVE. */
    private static FakeMonitor realCp(String cpId, String credential) throws Exception {
        FakeMonitor monitor = FakeMonitor.connect(system.acceptorPort());
        assertThat(monitor.call(AuthRequest.of(cpId, credential), AuthResponse.class).status()).isEqualTo(ReplyStatus.SUCCESS);
        assertThat(monitor.call(RegisterRequest.of(cpId, "Unknown", 0.2, 5), Response.class).status())
                .isEqualTo(ReplyStatus.SUCCESS);
        monitor.call(StatusUpdate.of(cpId, ChargingPointState.ACTIVE), Response.class);
        assertThat(admin.stateOf(cpId)).isEqualTo("ACTIVE");
        return monitor;
    }

    private static Response heartbeat(FakeMonitor monitor, String cpId) throws Exception {
        return monitor.call(HeartbeatRequest.of(cpId, 5), Response.class);
    }

    private static JsonNode view(String cpId) throws Exception {
        return AdminApi.json(admin.get("charging-points/" + cpId));
    }

    private static void awaitAuditLine(String cpId, String action, String reason) {
        await("audit line for " + action + " of " + cpId).atMost(WAIT).until(() -> Files.readAllLines(system.central().consoleLog())
                .stream().anyMatch(line -> line.contains("REFUSED cp:" + cpId + " ") && line.contains(action) && line.contains(reason)));
    }

    @Test
    void anIntruderWithTheIdButNoOrAWrongCredentialIsRefusedAndTheRealCpKeepsItsLinkAndPrice() throws Exception {
        String cpId = newCpId();
        String credential = admin.register(cpId, "Parking A", 0.30);
        try (FakeMonitor real = realCp(cpId, credential);
             FakeMonitor intruder = FakeMonitor.connect(system.acceptorPort());
             FakeMonitor guesser = FakeMonitor.connect(system.acceptorPort())) {

            Response noCredential = intruder.call(AuthRequest.of(cpId), Response.class);
            assertThat(noCredential.type()).isEqualTo("auth_request_response");
            assertThat(noCredential.status()).isEqualTo(ReplyStatus.FAILURE);
            assertThat(noCredential.info()).isEqualTo("Authentication refused for charging point " + cpId + ": no credential presented");
            Response rewrite = intruder.call(RegisterRequest.of(cpId, "Evil street", 9.99, 5), Response.class);
            assertThat(rewrite.status()).isEqualTo(ReplyStatus.FAILURE);
            assertThat(rewrite.info()).contains("must authenticate with its credential");
            assertThat(heartbeat(intruder, cpId).status()).isEqualTo(ReplyStatus.FAILURE);
            Response wrong = guesser.call(AuthRequest.of(cpId, "not-" + credential), Response.class);
            assertThat(wrong.info()).isEqualTo("Authentication refused for charging point " + cpId + ": wrong credential");

            Response realBeat = heartbeat(real, cpId);
            assertThat(realBeat.status()).isEqualTo(ReplyStatus.SUCCESS);
            assertThat(realBeat.info()).isEqualTo("Heartbeat received, last connection time updated successfully");
            assertThat(real.isClosedByPeer()).isFalse();
            JsonNode cp = view(cpId);
            assertThat(cp.path("price_per_kwh").asDouble()).isEqualTo(0.30);
            assertThat(cp.path("location").asText()).isEqualTo("Parking A");
            assertThat(cp.path("state").asText()).isEqualTo("ACTIVE");
            awaitAuditLine(cpId, "monitor.auth", "no credential presented");
            awaitAuditLine(cpId, "monitor.register", "must authenticate with its credential");
            awaitAuditLine(cpId, "monitor.auth", "wrong credential");
        }
    }

    @Test
    void aValidNewerConnectionReplacesTheOldOne() throws Exception {
        String cpId = newCpId();
        String credential = admin.register(cpId, "Parking B", 0.30);
        try (FakeMonitor old = realCp(cpId, credential); FakeMonitor newer = realCp(cpId, credential)) {
            await().atMost(WAIT).until(old::isClosedByPeer);
            assertThat(heartbeat(newer, cpId).status()).isEqualTo(ReplyStatus.SUCCESS);
            assertThat(admin.stateOf(cpId)).isEqualTo("ACTIVE");
        }
    }

    @Test
    void afterRotationTheOldCredentialIsReplayedInVainAndAfterRevocationNothingGetsIn() throws Exception {
        String cpId = newCpId();
        String first = admin.register(cpId, "Parking C", 0.30);
        HttpResponse<String> rotated = admin.post("registry/charging-points/" + cpId + "/credential");
        assertThat(rotated.statusCode()).isEqualTo(200);
        String second = AdminApi.json(rotated).path("credential").asText();
        assertThat(second).isNotEqualTo(first).hasSizeGreaterThanOrEqualTo(22);
        assertThat(admin.get("registry/charging-points/" + cpId).body()).as("never shown again").doesNotContain(second);

        try (FakeMonitor replay = FakeMonitor.connect(system.acceptorPort())) {
            assertThat(replay.call(AuthRequest.of(cpId, first), Response.class).info()).endsWith("wrong credential");
        }
        try (FakeMonitor real = realCp(cpId, second)) {
            HttpResponse<String> revoked = admin.delete("registry/charging-points/" + cpId + "/credential");
            assertThat(revoked.statusCode()).isEqualTo(200);
            assertThat(AdminApi.json(revoked).path("has_credential").asBoolean()).isFalse();

            await().atMost(WAIT).until(real::isClosedByPeer);
            await().atMost(WAIT).until(() -> admin.stateOf(cpId).equals("DISCONNECTED"));
        }
        try (FakeMonitor back = FakeMonitor.connect(system.acceptorPort())) {
            assertThat(back.call(AuthRequest.of(cpId, second), Response.class).info())
                    .contains("no valid credential (never issued or revoked)");
            awaitAuditLine(cpId, "monitor.auth", "never issued or revoked");
        }
    }

    @Test
    void aLegacyCpStillWorksByIdAloneLikeAFirstImplementationMonitor() throws Exception {
        String cpId = newCpId();
        HttpResponse<String> registered = admin.postJson("registry/charging-points",
                "{\"id\": \"" + cpId + "\", \"location\": \"Old bay\", \"price_per_kwh\": 0.22, \"legacy\": true}");
        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(AdminApi.json(registered).has("credential")).isFalse();
        assertThat(AdminApi.json(registered).path("legacy").asBoolean()).isTrue();

        try (FakeMonitor python = FakeMonitor.connect(system.acceptorPort())) {
            // The first implementation's Monitor reconnects straight to register_request, with its own price.
            Response register = python.call(new RegisterRequest(java.util.UUID.randomUUID().toString(), cpId, "Unknown", 0.2, null), Response.class);
            assertThat(register.status()).isEqualTo(ReplyStatus.SUCCESS);
            python.call(StatusUpdate.of(cpId, ChargingPointState.ACTIVE), Response.class);
            assertThat(heartbeat(python, cpId).status()).isEqualTo(ReplyStatus.SUCCESS);
            assertThat(admin.stateOf(cpId)).isEqualTo("ACTIVE");
            assertThat(view(cpId).path("price_per_kwh").asDouble()).as("the operator's price").isEqualTo(0.22);

            HttpResponse<String> off = admin.putJson("registry/charging-points/" + cpId + "/legacy", "{\"legacy\": false}");
            assertThat(off.statusCode()).isEqualTo(200);
            await().atMost(WAIT).until(python::isClosedByPeer);
        }
        try (FakeMonitor again = FakeMonitor.connect(system.acceptorPort())) {
            assertThat(again.call(new RegisterRequest(java.util.UUID.randomUUID().toString(), cpId, "Unknown", 0.2, null), Response.class).status())
                    .isEqualTo(ReplyStatus.FAILURE);
        }
    }

    @Test
    void registerRequestCannotChangeThePriceOnlyTheOperatorCan() throws Exception {
        String cpId = newCpId();
        try (FakeMonitor monitor = FakeMonitor.connect(system.acceptorPort())) {
            assertThat(monitor.call(AuthRequest.of(cpId), AuthResponse.class).status()).isEqualTo(ReplyStatus.PENDING);
            HttpResponse<String> authorized = admin.post("charging-points/" + cpId + "/authorize");
            assertThat(AdminApi.json(authorized).path("credential").asText()).as("shown once to the operator").isNotBlank();
            monitor.await(AuthResponse.class, r -> ReplyStatus.SUCCESS.equals(r.status()), WAIT);
            monitor.call(RegisterRequest.of(cpId, "Bay 1", 0.25, 5), Response.class);
            assertThat(view(cpId).path("price_per_kwh").asDouble()).as("a new CP's first price").isEqualTo(0.25);

            Response again = monitor.call(RegisterRequest.of(cpId, "Bay 1", 9.99, 5), Response.class);
            assertThat(again.status()).as("the reply is still a success").isEqualTo(ReplyStatus.SUCCESS);
            assertThat(view(cpId).path("price_per_kwh").asDouble()).isEqualTo(0.25);

            HttpResponse<String> priced = admin.putJson("registry/charging-points/" + cpId,
                    "{\"location\": \"Bay 9\", \"price_per_kwh\": 0.35}");
            assertThat(priced.statusCode()).isEqualTo(200);
            monitor.call(RegisterRequest.of(cpId, "Elsewhere", 0.01, 5), Response.class);
            assertThat(view(cpId).path("price_per_kwh").asDouble()).isEqualTo(0.35);
            assertThat(view(cpId).path("location").asText()).isEqualTo("Bay 9");
        }
    }

    @Test
    void theRegistryRefusesBadInputClearly() throws Exception {
        assertThat(admin.postJson("registry/charging-points", "{\"id\": \"cp_x1\", \"location\": \"L\"}").statusCode())
                .isEqualTo(400);
        assertThat(admin.postJson("registry/charging-points", "{\"id\": \"bad id\", \"location\": \"L\", \"price_per_kwh\": 1}")
                .statusCode()).isEqualTo(400);
        assertThat(admin.post("registry/charging-points/cp_nobody_here/credential").statusCode()).isEqualTo(404);
        assertThat(AdminApi.anonymous(system.central().baseUri()).get("registry/charging-points").statusCode()).isEqualTo(401);
        String cpId = newCpId();
        admin.register(cpId, "Bay", 0.3);
        assertThat(admin.postJson("registry/charging-points", "{\"id\": \"" + cpId + "\", \"location\": \"L\", \"price_per_kwh\": 1}")
                .statusCode()).isEqualTo(409);
        assertThat(admin.delete("registry/charging-points/" + cpId).statusCode()).isEqualTo(200);
        assertThat(admin.get("charging-points/" + cpId).statusCode()).isEqualTo(404);
    }
}
