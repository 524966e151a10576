package org.evcharging.driver.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.evcharging.driver.kafka.PortalConfig;

/**
 * Driver accounts live in Central's database, shared by every portal instance. The portal asks
 * over HTTP(S) with its service credential rather than over Kafka: a password must never land in
 * a topic, where the broker keeps every record for days and any client may read it.
 */
@ApplicationScoped
public class CentralAccounts {

    private static final Logger LOG = Logger.getLogger(CentralAccounts.class.getName());
    static final String UNREACHABLE = "Cannot connect to CENTRAL to check your account. Try again in a moment.";

    @Inject
    PortalConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json = new ObjectMapper();

    public AccountAnswer signUp(String driverId, String password, String sourceIp) {
        return post("api/driver-accounts", driverId, password, sourceIp);
    }

    public AccountAnswer signIn(String driverId, String password, String sourceIp) {
        return post("api/driver-accounts/sign-in", driverId, password, sourceIp);
    }

    private AccountAnswer post(String path, String driverId, String password, String sourceIp) {
        if (config.portalSecret().isEmpty()) {
            return AccountAnswer.refused("Sign-in is not configured: set DRIVER_PORTAL_SECRET (the same on Central and the portal).");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("driver_id", driverId);
        body.put("password", password);
        body.put("source_ip", sourceIp);
        try {
            HttpRequest request = HttpRequest.newBuilder(centralUri().resolve(path))
                    .timeout(config.answerTimeout().plusSeconds(2))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + config.portalSecret().get())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200 || status == 201) {
                return AccountAnswer.ok();
            }
            if (status == 400 || status == 403 || status == 409 || status == 429) {
                return AccountAnswer.refused(messageOf(response.body()));
            }
            // 401/503/500: the portal's setup, not the driver, is wrong; the driver gets a plain answer.
            LOG.warning(() -> "Central refused the portal's account request " + path + ": " + status + " " + response.body());
            return AccountAnswer.refused("Sign-in is unavailable right now (Central answered " + status + "). Try again later.");
        } catch (IOException e) {
            LOG.fine(() -> "Central unreachable for accounts: " + e);
            return AccountAnswer.refused(UNREACHABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AccountAnswer.refused(UNREACHABLE);
        }
    }

    private URI centralUri() {
        String base = config.centralUrl();
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    private String messageOf(String body) {
        try {
            JsonNode message = json.readTree(body).get("message");
            if (message != null && message.isTextual()) {
                return message.asText();
            }
        } catch (IOException e) {
            LOG.fine(() -> "Unreadable answer from Central: " + body);
        }
        return "Refused by Central.";
    }
}
