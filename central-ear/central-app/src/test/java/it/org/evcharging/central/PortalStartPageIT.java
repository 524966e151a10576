package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.org.evcharging.central.support.DevTls;
import it.org.evcharging.central.support.ItSettings;
import it.org.evcharging.central.support.LibertyServerProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver portal's own Liberty server deploys the WAR, serves its start page (also over HTTPS with
 * the development CA's key), and is not ready without Kafka.
 */
class PortalStartPageIT {

    private static LibertyServerProcess portal;

    @BeforeAll
    static void startPortal() throws Exception {
        portal = new LibertyServerProcess(Path.of(System.getProperty("portal.liberty.install.dir")), "driver",
                ItSettings.workDir(PortalStartPageIT.class).resolve("portal"),
                Integer.parseInt(System.getProperty("it.portal.http.port")),
                Map.of("HTTPS_PORT", System.getProperty("it.portal.https.port"), "BROKER_ADDRESS", "localhost:1",
                        "TLS_KEYSTORE", DevTls.authority().serverKeyStore().toString(),
                        "TLS_KEYSTORE_PASSWORD", DevTls.PASSWORD));
        long begin = System.nanoTime();
        portal.start();
        portal.awaitStatus("/index.xhtml", 200, Duration.ofSeconds(120));
        System.out.printf("[timing] driver portal serving pages in %d ms%n", (System.nanoTime() - begin) / 1_000_000);
    }

    @AfterAll
    static void stopPortal() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void theStartPageOffersTheDriverSignIn() throws Exception {
        HttpResponse<String> page = portal.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>EV Charging - Driver portal</title>")
                .contains("Driver id").contains("Sign in");
    }

    @Test
    void theStartPageIsServedOverHttpsWithTheDevelopmentCasKey() throws Exception {
        HttpResponse<String> page = HttpClient.newBuilder().sslContext(DevTls.trustingTheCa()).build()
                .send(httpsGet("/"), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in");
    }

    @Test
    void aBrowserTrustingAnotherCaIsRefused() throws Exception {
        HttpClient stranger = HttpClient.newBuilder().sslContext(DevTls.trustingAnotherCa()).build();

        assertThatThrownBy(() -> stranger.send(httpsGet("/"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    private static HttpRequest httpsGet(String path) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + System.getProperty("it.portal.https.port") + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
    }

    @Test
    void withoutKafkaThePortalSaysItIsNotReadyAndWhy() throws Exception {
        HttpResponse<String> ready = portal.get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(CentralHealthIT.checks(ready.body())).containsEntry("kafka", "DOWN");
        assertThat(ready.body()).contains("localhost:1");
    }
}
