package org.evcharging.driver.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.sun.net.httpserver.HttpServer;

import org.evcharging.driver.kafka.PortalConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the driver reads for each answer of Central's driver accounts, against a real HTTP server. */
class CentralAccountsTest {

    private final List<String> requests = new ArrayList<>();
    private HttpServer central;

    @AfterEach
    void stopCentral() {
        if (central != null) {
            central.stop(0);
        }
    }

    @Test
    void aRefusalShowsCentralsOwnWordsAndTheRequestCarriesTheCredentialAndTheSource() throws IOException {
        answering(409, "{\"status\":409,\"error\":\"Conflict\",\"message\":\"The driver id ana is already taken\"}");

        AccountAnswer answer = accounts(url(), "s3cret").signUp("ana", "pw-12345678", "10.0.0.7");

        assertThat(answer.accepted()).isFalse();
        assertThat(answer.message()).isEqualTo("The driver id ana is already taken");
        assertThat(requests).singleElement().satisfies(r -> assertThat(r)
                .startsWith("POST /api/driver-accounts Bearer s3cret ")
                .contains("\"driver_id\":\"ana\"", "\"source_ip\":\"10.0.0.7\""));
    }

    @Test
    void anAcceptedSignInIsAccepted() throws IOException {
        answering(200, "{\"driver_id\":\"ana\"}");

        assertThat(accounts(url(), "s3cret").signIn("ana", "pw-12345678", "10.0.0.7").accepted()).isTrue();
        assertThat(requests).singleElement().satisfies(r -> assertThat(r).startsWith("POST /api/driver-accounts/sign-in "));
    }

    @Test
    void aMisconfiguredPortalTellsTheDriverSignInIsUnavailableWithoutCentralsInternals() throws IOException {
        answering(401, "{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"Only the driver portal may do this\"}");

        AccountAnswer answer = accounts(url(), "wrong").signIn("ana", "pw-12345678", "10.0.0.7");

        assertThat(answer.message()).isEqualTo("Sign-in is unavailable right now (Central answered 401). Try again later.");
        assertThat(accounts(url(), "").signIn("ana", "pw-12345678", "10.0.0.7").message())
                .startsWith("Sign-in is not configured: set DRIVER_PORTAL_SECRET");
    }

    @Test
    void centralUnreachableSaysSo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        AccountAnswer answer = accounts("http://localhost:" + closedPort, "s3cret").signIn("ana", "pw-12345678", "10.0.0.7");

        assertThat(answer.accepted()).isFalse();
        assertThat(answer.message()).isEqualTo(CentralAccounts.UNREACHABLE);
    }

    private void answering(int status, String body) throws IOException {
        central = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        central.createContext("/", exchange -> {
            String received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + received);
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        central.start();
    }

    private String url() {
        return "http://localhost:" + central.getAddress().getPort();
    }

    private static CentralAccounts accounts(String centralUrl, String secret) {
        CentralAccounts accounts = new CentralAccounts();
        accounts.config = new PortalConfig() {
            @Override
            public String centralUrl() {
                return centralUrl;
            }

            @Override
            public Optional<String> portalSecret() {
                return Optional.of(secret).filter(s -> !s.isEmpty());
            }

            @Override
            public Duration answerTimeout() {
                return Duration.ofSeconds(3);
            }
        };
        return accounts;
    }
}
