package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;

import it.org.evcharging.central.support.ItSettings;
import it.org.evcharging.central.support.LibertyServerProcess;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The driver portal's own Liberty server deploys the WAR, serves its start page, and is not ready without Kafka. */
class PortalStartPageIT {

    private static LibertyServerProcess portal;

    @BeforeAll
    static void startPortal() throws Exception {
        portal = new LibertyServerProcess(Path.of(System.getProperty("portal.liberty.install.dir")), "driver",
                ItSettings.workDir(PortalStartPageIT.class).resolve("portal"),
                Integer.parseInt(System.getProperty("it.portal.http.port")),
                Map.of("HTTPS_PORT", System.getProperty("it.portal.https.port"), "BROKER_ADDRESS", "localhost:1"));
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
    void withoutKafkaThePortalSaysItIsNotReadyAndWhy() throws Exception {
        HttpResponse<String> ready = portal.get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(CentralHealthIT.checks(ready.body())).containsEntry("kafka", "DOWN");
        assertThat(ready.body()).contains("localhost:1");
    }
}
