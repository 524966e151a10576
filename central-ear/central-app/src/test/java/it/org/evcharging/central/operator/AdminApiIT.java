package it.org.evcharging.central.operator;

import static it.org.evcharging.central.operator.ScriptedCharge.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.FakeMonitor;
import it.org.evcharging.central.support.KafkaDriver;
import it.org.evcharging.central.support.SharedCentral;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import org.evcharging.api.message.monitor.ResumeCpCommand;
import org.evcharging.api.message.monitor.StopChargingSessionCommand;
import org.evcharging.api.message.monitor.StopCpCommand;
import org.evcharging.api.model.SessionEnding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every admin-menu endpoint against a real Central with scripted CPs and a Kafka driver: listings,
 * status, sessions, pending authorizations, authorize/stop/resume (one, all, and as a command
 * body), statistics; the operator credentials; every bad input as a 4xx with a JSON body.
 */
@ExtendWith(SharedCentral.class)
class AdminApiIT {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static CentralFixture system;
    private static AdminApi admin;

    @BeforeAll
    static void startSystem() throws Exception {
        system = SharedCentral.system();
        admin = new AdminApi(system.central().baseUri(), null);
    }

    private static String newCpId() {
        return "cp_admin_" + NEXT.incrementAndGet();
    }

    @Test
    void withoutTheOperatorsCredentialsTheApiAndPanelAnswer401WhileHealthAndOpenApiStayOpen() throws Exception {
        AdminApi anonymous = AdminApi.anonymous(system.central().baseUri());
        AdminApi wrong = new AdminApi(system.central().baseUri(), AdminApi.basic(CentralFixture.OPERATOR_USER, "nope"));
        AdminApi defaults = new AdminApi(system.central().baseUri(), AdminApi.basic("admin", "admin"));
        for (String path : new String[] {"charging-points", "charging-points/pending", "sessions", "statistics",
                "panel/snapshot"}) {
            assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(401);
            assertThat(wrong.get(path).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(anonymous.post("charging-points/all/stop").statusCode()).isEqualTo(401);
        assertThat(defaults.get("charging-points").statusCode()).as("configured credentials replace the defaults")
                .isEqualTo(401);
        assertThat(anonymous.send(anonymous.request("../panel/").GET()).statusCode()).isEqualTo(401);
        assertThat(admin.send(admin.request("../panel/").GET()).body()).contains("EV Charging - Central panel");

        assertThat(system.central().get("/health/ready").statusCode()).isEqualTo(200);
        HttpResponse<String> openApi = anonymous.send(anonymous.request("../openapi").GET());
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/charging-points/{id}/resume", "/api/sessions/{id}", "/api/statistics",
                "/api/commands", "/api/charging-points/pending", "\"scheme\" : \"basic\"");
        assertThat(anonymous.send(anonymous.request("../openapi/ui/").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void theOperatorAuthorizesWatchesAChargeAndStopsAndResumesItsCp() throws Exception {
        String cpId = newCpId();
        try (FakeMonitor cp = ScriptedCharge.pendingCp(system, cpId);
             KafkaDriver driver = new KafkaDriver(system.kafka().bootstrapServers(), "driver_admin_" + NEXT.incrementAndGet())) {
            JsonNode pending = AdminApi.json(admin.get("charging-points/pending"));
            assertThat(pending.findValuesAsText("id")).contains(cpId);
            assertThat(pending.findValues("pending_authorization")).allMatch(JsonNode::asBoolean);

            ScriptedCharge.authorizeAndActivate(admin, cp, cpId);
            assertThat(AdminApi.json(admin.get("charging-points/pending")).findValuesAsText("id")).doesNotContain(cpId);
            assertThat(idsIn("charging-points")).contains(cpId);
            assertThat(idsIn("charging-points?state=ACTIVE")).contains(cpId);
            assertThat(idsIn("charging-points?state=charging")).doesNotContain(cpId);

            String sessionId = ScriptedCharge.startCharge(driver, cp, cpId);
            for (int n = 1; n <= 3; n++) {
                ScriptedCharge.tick(cp, cpId, sessionId, driver.id(), n);
            }
            await().atMost(WAIT).until(() -> AdminApi.json(admin.get("charging-points/" + cpId))
                    .path("charging").path("energy_kwh").asDouble() >= 0.03);
            JsonNode status = AdminApi.json(admin.get("charging-points/" + cpId));
            assertThat(status.path("state").asText()).isEqualTo("CHARGING");
            assertThat(status.path("colour").asText()).isEqualTo("green");
            assertThat(status.path("charging").path("driver_id").asText()).isEqualTo(driver.id());
            assertThat(status.path("charging").path("session_id").asText()).isEqualTo(sessionId);
            assertThat(idsIn("charging-points?state=CHARGING")).contains(cpId);

            JsonNode running = AdminApi.json(admin.get("sessions/" + sessionId));
            assertThat(running.path("running").asBoolean()).isTrue();
            assertThat(running.path("cp_id").asText()).isEqualTo(cpId);
            assertThat(running.path("driver_id").asText()).isEqualTo(driver.id());
            assertThat(running.path("energy_kwh").asDouble()).isEqualTo(0.03);
            assertThat(AdminApi.json(admin.get("sessions")).findValuesAsText("session_id")).contains(sessionId);
            assertThat(AdminApi.json(admin.get("sessions?limit=1")).size()).isEqualTo(1);

            JsonNode live = AdminApi.json(admin.get("statistics"));
            assertThat(live.path("sessions_running").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(live.path("connected_drivers").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(live.path("charging_points_by_state").path("CHARGING").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(live.path("sessions_today").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(live.path("uptime_seconds").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(live.path("connected_monitors").asInt()).isGreaterThanOrEqualTo(1);

            // Operator stop: the CP is told, its supply is asked to end, and it reports its figures.
            JsonNode stopped = AdminApi.json(admin.post("charging-points/" + cpId + "/stop"));
            assertThat(stopped.path("state").asText()).isEqualTo("STOPPED");
            assertThat(stopped.path("colour").asText()).isEqualTo("orange");
            assertThat(stopped.path("label").asText()).isEqualTo("Out of Order");
            // Central ends the supply first, then tells the Monitor the CP is out of order.
            cp.await(StopChargingSessionCommand.class, c -> sessionId.equals(c.sessionId()), WAIT);
            cp.await(StopCpCommand.class, c -> cpId.equals(c.cpId()), WAIT);
            ScriptedCharge.complete(cp, cpId, sessionId, driver.id(), 3, SessionEnding.OPERATOR_STOP);
            await().atMost(WAIT).until(() -> !AdminApi.json(admin.get("sessions/" + sessionId)).path("running").asBoolean());
            JsonNode ended = AdminApi.json(admin.get("sessions/" + sessionId));
            assertThat(ended.path("ended_by").asText()).isEqualTo("operator_stop");
            assertThat(ended.path("energy_kwh").asDouble()).isEqualTo(0.03);
            assertThat(ended.path("ended_at").asText()).isNotBlank();
            JsonNode totals = AdminApi.json(admin.get("statistics"));
            assertThat(totals.path("energy_delivered_kwh").asDouble()).isGreaterThanOrEqualTo(0.03);
            assertThat(totals.path("revenue_eur").asDouble()).isGreaterThanOrEqualTo(0.01);

            assertError(admin.post("charging-points/" + cpId + "/stop"), 409, "already stopped");
            assertThat(AdminApi.json(admin.post("charging-points/" + cpId + "/resume")).path("state").asText())
                    .isEqualTo("ACTIVE");
            cp.await(ResumeCpCommand.class, c -> cpId.equals(c.cpId()), WAIT);
            assertError(admin.post("charging-points/" + cpId + "/resume"), 409, "cannot resume");
            assertError(admin.post("charging-points/" + cpId + "/authorize"), 409, "already authorized");

            assertThat(texts(AdminApi.json(admin.post("charging-points/all/stop")).path("done"))).contains(cpId);
            assertThat(admin.stateOf(cpId)).isEqualTo("STOPPED");
            JsonNode resumedAll = AdminApi.json(admin.post("charging-points/all/resume"));
            assertThat(texts(resumedAll.path("done"))).contains(cpId);
            assertThat(texts(AdminApi.json(admin.post("charging-points/all/authorize")).path("done"))).doesNotContain(cpId);

            JsonNode command = AdminApi.json(admin.postJson("commands", "{\"action\": \"stop\", \"target\": \"" + cpId + "\"}"));
            assertThat(texts(command.path("done"))).containsExactly(cpId);
            assertThat(admin.stateOf(cpId)).isEqualTo("STOPPED");
            JsonNode all = AdminApi.json(admin.postJson("commands", "{\"action\": \"RESUME\", \"target\": \"all\"}"));
            assertThat(texts(all.path("done"))).contains(cpId);
            assertThat(admin.stateOf(cpId)).isEqualTo("ACTIVE");
        }
    }

    @Test
    void badInputIsAClear4xxWithAJsonErrorBody() throws Exception {
        assertError(admin.get("charging-points/cp_nobody"), 404, "cp_nobody");
        assertError(admin.post("charging-points/cp_nobody/stop"), 404, "cp_nobody");
        assertError(admin.post("charging-points/cp_nobody/resume"), 404, "cp_nobody");
        assertError(admin.post("charging-points/cp_nobody/authorize"), 404, "cp_nobody");
        assertError(admin.get("sessions/no-such-session"), 404, "no-such-session");
        assertError(admin.get("charging-points/bad%20id!"), 400, "Invalid CP id");
        assertError(admin.get("charging-points/all"), 400, "reserved");
        assertError(admin.get("charging-points?state=BROKEN"), 400, "Unknown state");
        assertError(admin.get("sessions?limit=0"), 400, "limit");
        assertError(admin.get("sessions?limit=lots"), 400, "limit");
        assertError(admin.postJson("commands", "{\"action\": \"stop\", "), 400, "Malformed JSON");
        assertError(admin.postJson("commands", "[1, 2]"), 400, "Malformed JSON");
        assertError(admin.postJson("commands", "{\"action\": \"explode\", \"target\": \"all\"}"), 400, "Unknown action");
        assertError(admin.postJson("commands", "{\"action\": \"stop\"}"), 400, "target");
        assertError(admin.postJson("commands", "{\"action\": \"stop\", \"target\": \"cp_nobody\"}"), 404, "cp_nobody");

        String cpId = newCpId();
        try (FakeMonitor cp = ScriptedCharge.pendingCp(system, cpId)) {
            assertError(admin.post("charging-points/" + cpId + "/resume"), 409, "cannot resume");
            ScriptedCharge.authorizeAndActivate(admin, cp, cpId);
            assertError(admin.postJson("commands", "{\"action\": \"authorize\", \"target\": \"" + cpId + "\"}"),
                    409, "already authorized");
            assertThat(cp.isClosedByPeer()).isFalse();
        }
    }

    private static java.util.List<String> idsIn(String path) throws Exception {
        HttpResponse<String> response = admin.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return AdminApi.json(response).findValuesAsText("id");
    }

    private static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static void assertError(HttpResponse<String> response, int status, String messagePart) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = AdminApi.json(response);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).isNotBlank();
        assertThat(body.path("message").asText()).contains(messagePart);
    }
}
