package it.org.evcharging.central.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.evcharging.api.message.Json;

/**
 * Central's admin REST API as an operator's script would call it. Without an explicit
 * Authorization header it sends the operator credentials {@link CentralFixture} configures.
 */
public final class AdminApi {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            // Plain HTTP/1.1: Liberty's static files do not answer the h2c upgrade the client would try.
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String authorization;

    /** {@code authorization} null: the fixture's operator; otherwise this Authorization header. */
    public AdminApi(URI centralBase, String authorization) {
        this.base = centralBase.resolve("/api/");
        this.authorization = authorization != null ? authorization
                : basic(CentralFixture.OPERATOR_USER, CentralFixture.OPERATOR_PASSWORD);
    }

    /** A caller without credentials, for the 401 tests. */
    public static AdminApi anonymous(URI centralBase) {
        return new AdminApi(centralBase, "");
    }

    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** An action without a body: still declared JSON, as Central accepts nothing else (CSRF). */
    public HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
        if (!authorization.isEmpty()) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    /** The CP's current state as the API reports it, or "UNKNOWN" when the API does not know it. */
    public String stateOf(String cpId) throws IOException, InterruptedException {
        HttpResponse<String> response = get("charging-points/" + cpId);
        return response.statusCode() == 200 ? json(response).path("state").asText() : "UNKNOWN";
    }

    /**
     * The operator authorizes {@code cpId} once its Monitor has asked to join (the CP is known and
     * pending), polling until {@code timeout}; fails unless the API accepts the authorization.
     * Returns the CP's credential, issued this once.
     */
    public String authorizeWhenPending(String cpId, Duration timeout) {
        await("authorization of " + cpId).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> isPending(cpId));
        HttpResponse<String> authorized = uncheckedPost("charging-points/" + cpId + "/authorize");
        if (authorized.statusCode() != 200) {
            throw new AssertionError("authorizing " + cpId + ": " + authorized.statusCode() + " " + authorized.body());
        }
        try {
            return json(authorized).path("credential").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The operator registers {@code cpId} in the registry (which authorizes it), or gives a CP already
     * registered a new credential; returns the credential.
     */
    public String register(String cpId, String location, double pricePerKwh) throws IOException, InterruptedException {
        HttpResponse<String> registered = postJson("registry/charging-points", "{\"id\": \"" + cpId
                + "\", \"location\": \"" + location + "\", \"price_per_kwh\": " + pricePerKwh + "}");
        if (registered.statusCode() == 409) {
            registered = post("registry/charging-points/" + cpId + "/credential");
        }
        if (registered.statusCode() != 201 && registered.statusCode() != 200) {
            throw new AssertionError("registering " + cpId + ": " + registered.statusCode() + " " + registered.body());
        }
        return json(registered).path("credential").asText();
    }

    /** The operator registers {@code cpId} as a legacy CP: admitted by its id alone, no credential issued. */
    public void registerLegacy(String cpId, String location, double pricePerKwh) throws IOException, InterruptedException {
        HttpResponse<String> registered = postJson("registry/charging-points", "{\"id\": \"" + cpId
                + "\", \"location\": \"" + location + "\", \"price_per_kwh\": " + pricePerKwh + ", \"legacy\": true}");
        if (registered.statusCode() != 201) {
            throw new AssertionError("registering " + cpId + ": " + registered.statusCode() + " " + registered.body());
        }
    }

    public HttpResponse<String> putJson(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    private boolean isPending(String cpId) throws IOException, InterruptedException {
        HttpResponse<String> view = get("charging-points/" + cpId);
        return view.statusCode() == 200 && "PENDING".equals(json(view).path("registration").asText());
    }

    private HttpResponse<String> uncheckedPost(String path) {
        try {
            return post(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }
}
