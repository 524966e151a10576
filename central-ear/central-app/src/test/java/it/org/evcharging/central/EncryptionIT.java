package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.DevTls;
import it.org.evcharging.central.support.FakeMonitor;
import it.org.evcharging.central.support.ItSettings;
import it.org.evcharging.central.support.SharedCentral;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Encryption against a real Central: HTTPS for the panel and API with the development CA's key,
 * Monitors over TLS on their own port, and refusals for whoever does not trust that CA.
 */
@ExtendWith(SharedCentral.class)
class EncryptionIT {

    private static CentralFixture system;

    @BeforeAll
    static void sharedSystem() {
        system = SharedCentral.system();
    }

    @Test
    void thePanelAndTheApiAnswerOverHttpsToAClientTrustingTheDevelopmentCa() throws Exception {
        HttpClient https = client(DevTls.trustingTheCa());

        HttpResponse<String> health = https.send(get("/health/ready"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> panel = https.send(get("/panel/"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> api = https.send(get("/api/charging-points", true)
                .header("Authorization", AdminApi.basic(CentralFixture.OPERATOR_USER, CentralFixture.OPERATOR_PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.sslSession()).isPresent();
        assertThat(health.sslSession().get().getPeerCertificates()[0].toString()).contains("EV Charging IT CA");
        assertThat(panel.statusCode()).as("the panel asks for the operator, over TLS").isIn(200, 401);
        assertThat(api.statusCode()).isEqualTo(200);
    }

    @Test
    void httpsIsRefusedByAClientThatTrustsAnotherCa() throws Exception {
        HttpClient stranger = client(DevTls.trustingAnotherCa());

        assertThatThrownBy(() -> stranger.send(get("/health/ready"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void aMonitorOverTlsIsServedLikeOneOnThePlainPort() throws Exception {
        String cpId = "cp_tls_" + System.nanoTime();
        try (FakeMonitor monitor = FakeMonitor.connectTls(system.tlsAcceptorPort(), DevTls.trustingTheCa())) {
            AuthResponse answer = monitor.call(AuthRequest.of(cpId), AuthResponse.class);
            assertThat(answer.status()).isEqualTo(ReplyStatus.PENDING);
            Response heartbeat = monitor.call(HeartbeatRequest.of(cpId, 5), Response.class);
            assertThat(heartbeat.info()).contains("waiting for authorization");
        }
        // The plain port still serves first-implementation Monitors.
        try (FakeMonitor legacy = FakeMonitor.connect(system.acceptorPort())) {
            assertThat(legacy.call(AuthRequest.of(cpId + "_plain"), AuthResponse.class).status())
                    .isEqualTo(ReplyStatus.PENDING);
        }
    }

    @Test
    void aMonitorWithTheWrongCaIsRefusedClearlyCentralLogsItAndOtherMonitorsKeepTheirLink() throws Exception {
        String cpId = "cp_tls_neighbour_" + System.nanoTime();
        try (FakeMonitor neighbour = FakeMonitor.connectTls(system.tlsAcceptorPort(), DevTls.trustingTheCa())) {
            neighbour.call(AuthRequest.of(cpId), AuthResponse.class);

            assertThatThrownBy(() -> FakeMonitor.connectTls(system.tlsAcceptorPort(), DevTls.trustingAnotherCa()))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("TLS handshake with localhost:" + system.tlsAcceptorPort() + " failed")
                    .hasMessageContaining("certificate");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(centralLog()).contains("TLS handshake with").contains("certificate_unknown"));

            Response heartbeat = neighbour.call(HeartbeatRequest.of(cpId, 5), Response.class);
            assertThat(heartbeat.info()).startsWith("Heartbeat received");
            assertThat(neighbour.isClosedByPeer()).isFalse();
        }
    }

    @Test
    void aPlainTextMonitorOnTheTlsPortGetsNoAnswer() throws Exception {
        try (FakeMonitor plain = FakeMonitor.connect(system.tlsAcceptorPort())) {
            plain.send(AuthRequest.of("cp_plain_on_tls"));
            await().atMost(Duration.ofSeconds(20)).until(plain::isClosedByPeer);
        }
    }

    private static String centralLog() throws IOException {
        StringBuilder all = new StringBuilder(Files.readString(system.central().consoleLog(), StandardCharsets.UTF_8));
        Path logs = system.workDir().resolve("central");
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("messages.log")).toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    private static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpRequest get(String path) {
        return get(path, true).build();
    }

    private static HttpRequest.Builder get(String path, boolean builder) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + ItSettings.httpsPort() + path))
                .timeout(Duration.ofSeconds(10)).GET();
    }
}
