package org.evcharging.agent.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.evcharging.api.message.Json;

/** Central's admin REST API over HTTP Basic, with Central's JSON error bodies turned into {@link AdminApiException}. */
final class AdminClient {

    private final URI api;
    private final String authorization;
    private final Duration timeout;
    private final ObjectMapper json = Json.mapper();
    private final HttpClient http;

    AdminClient(URI central, String user, String password, Duration timeout) {
        this.api = central.resolve("/api/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    JsonNode get(String path) throws AdminApiException {
        return send(request(path).GET());
    }

    /** Authorize, stop or resume one CP id or "all" (the design's menu 8-10). */
    JsonNode command(String action, String target) throws AdminApiException {
        try {
            String body = json.writeValueAsString(Map.of("action", action, "target", target));
            return send(request("commands").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AdminApiException("cannot write the command: " + e.getOriginalMessage());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(timeout)
                .header("Accept", "application/json").header("Authorization", authorization);
    }

    private JsonNode send(HttpRequest.Builder request) throws AdminApiException {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AdminApiException("cannot reach Central at " + api + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminApiException("interrupted");
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new AdminApiException("401 Unauthorized: check --user/--password (ADMIN_USER/ADMIN_PASSWORD)");
        }
        JsonNode body = parse(response.body());
        if (status >= 300) {
            String message = body != null && body.hasNonNull("message") ? body.get("message").asText() : response.body();
            throw new AdminApiException(status + " " + message);
        }
        if (body == null) {
            throw new AdminApiException("Central answered " + status + " without JSON");
        }
        return body;
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
