package it.org.evcharging.central.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.FakeMonitor;
import it.org.evcharging.central.support.SharedBroker;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.evcharging.api.message.Json;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged EAR in a real Liberty (Arquillian), checked from outside as clients see it: the
 * health checks readiness is made of, and how the admin API maps failures to HTTP answers. This
 * Central authorizes new CPs by itself (CP_AUTO_AUTHORIZE=true in the test server's server.env),
 * which the system ITs' shared Central does not.
 */
@ExtendWith(SharedBroker.class)
@ArquillianTest
@RunAsClient
class CentralHttpArquillianIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final AdminApi admin = new AdminApi(CentralEar.baseUri(), null);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return CentralEar.with(FailingResource.class);
    }

    @Test
    void readinessIsMadeOfTheDatabaseKafkaAndMonitorAcceptorChecksAllUp() throws Exception {
        HttpResponse<String> ready = awaitStatus("../health/ready", 200);
        Map<String, String> checks = checks(ready.body());
        assertThat(checks).containsOnlyKeys("database", "kafka", "monitor-acceptor")
                .containsEntry("database", "UP").containsEntry("kafka", "UP").containsEntry("monitor-acceptor", "UP");
    }

    @Test
    void aRefusalIsA409WithAJsonErrorBody() throws Exception {
        String cpId = "cp_arq_http_1";
        try (FakeMonitor monitor = FakeMonitor.connect(CentralEar.acceptorPort())) {
            AuthResponse auth = monitor.call(AuthRequest.of(cpId), AuthResponse.class);
            assertThat(auth.status()).as("CP_AUTO_AUTHORIZE=true: no operator needed").isEqualTo(ReplyStatus.SUCCESS);
            assertThat(monitor.call(RegisterRequest.of(cpId, "Arquillian", 0.25, 5), Response.class).status())
                    .isEqualTo(ReplyStatus.SUCCESS);

            HttpResponse<String> refused = admin.post("charging-points/" + cpId + "/authorize");

            JsonNode body = errorBody(refused, 409);
            assertThat(body.path("error").asText()).isEqualTo("Conflict");
            assertThat(body.path("message").asText()).isEqualTo("Charging point " + cpId + " is already authorized");
        }
    }

    @Test
    void anUnknownCpIsA404AndBadInputA400() throws Exception {
        JsonNode unknown = errorBody(admin.get("charging-points/cp_arq_nobody"), 404);
        assertThat(unknown.path("error").asText()).isEqualTo("Not Found");
        assertThat(unknown.path("message").asText()).contains("cp_arq_nobody");

        JsonNode bad = errorBody(admin.get("charging-points/bad%20id!"), 400);
        assertThat(bad.path("error").asText()).isEqualTo("Bad Request");
        assertThat(bad.path("message").asText()).contains("Invalid CP id");
    }

    @Test
    void anUnexpectedFailureIsA500ThatTellsNoInternals() throws Exception {
        HttpResponse<String> failed = admin.get("it-unexpected-failure");

        JsonNode body = errorBody(failed, 500);
        assertThat(body.path("error").asText()).isEqualTo("Internal Server Error");
        assertThat(failed.body()).as("no exception type, message or stack in the answer")
                .doesNotContain("IllegalStateException", "Exception", FailingResource.SECRET, "org.evcharging",
                        "java.", "\tat ", "Caused by");
    }

    /** Check name → status of a MicroProfile Health answer. */
    private static Map<String, String> checks(String body) throws Exception {
        Map<String, String> result = new HashMap<>();
        for (JsonNode check : Json.mapper().readTree(body).path("checks")) {
            result.put(check.path("name").asText(), check.path("status").asText());
        }
        return result;
    }

    /** Asserts the JSON error shape {"status", "error", "message"} and returns it. */
    private static JsonNode errorBody(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = AdminApi.json(response);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("message").asText()).isNotBlank();
        return body;
    }

    /** Polls (the broker may still be joining) until {@code path} under /api/ answers {@code status}. */
    private HttpResponse<String> awaitStatus(String path, int status) {
        return await(path + " answering " + status).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get(path), response -> response.statusCode() == status);
    }
}
