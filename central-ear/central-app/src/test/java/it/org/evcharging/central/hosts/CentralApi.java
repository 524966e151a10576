package it.org.evcharging.central.hosts;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.evcharging.api.message.Json;

/** Central's admin REST API as the operator calls it (Basic auth), watched from the root namespace. */
public final class CentralApi {

    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1).build();

    public CentralApi(String host, int port, String user, String password) {
        this.base = URI.create("http://" + host + ":" + port + "/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(3))
                .header("Accept", "application/json").header("Authorization", authorization).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public boolean ready() {
        try {
            return get("health/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until {@code /health/ready} answers 200; returns when (nanoTime). */
    public long awaitReady(Duration timeout, HostProcess central) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready()) {
                return System.nanoTime();
            }
            if (central != null && !central.isAlive()) {
                throw new AssertionError("Central exited; see " + central.log());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("Central not ready within " + timeout);
    }

    /** The CP's state at Central; "UNREACHABLE" when the API does not answer, "UNKNOWN" when it does not know the CP. */
    public String stateOf(String cpId) throws InterruptedException {
        try {
            HttpResponse<String> response = get("api/charging-points/" + cpId);
            return response.statusCode() == 200 ? json(response.body()).path("state").asText() : "UNKNOWN";
        } catch (IOException e) {
            return "UNREACHABLE";
        }
    }

    /** Polls the CP's state every 50 ms until it is {@code state}; returns when (nanoTime). */
    public long awaitState(String cpId, String state, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "?";
        while (System.nanoTime() < deadline) {
            last = stateOf(cpId);
            if (last.equals(state)) {
                return System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError(cpId + " not " + state + " at Central within " + timeout + "; last " + last);
    }

    public List<JsonNode> sessions() throws IOException, InterruptedException {
        HttpResponse<String> response = get("api/sessions?limit=1000");
        if (response.statusCode() != 200) {
            throw new AssertionError("GET api/sessions: " + response.statusCode() + " " + response.body());
        }
        List<JsonNode> all = new ArrayList<>();
        json(response.body()).forEach(all::add);
        return all;
    }

    public JsonNode session(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = get("api/sessions/" + id);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET api/sessions/" + id + ": " + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    /** Waits until the session is no longer running at Central; returns it. */
    public JsonNode awaitClosed(String id, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode session = session(id);
        while (session.path("running").asBoolean() || session.path("ended_at").isNull()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Session " + id + " still running at Central after " + timeout + ": " + session);
            }
            TimeUnit.MILLISECONDS.sleep(100);
            session = session(id);
        }
        return session;
    }

    private static JsonNode json(String body) throws IOException {
        return Json.mapper().readTree(body);
    }
}
