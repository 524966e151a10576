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

/** The driver portal's own Liberty server deploys the WAR and serves its start page. */
class PortalStartPageIT {

    private static LibertyServerProcess portal;

    @BeforeAll
    static void startPortal() throws Exception {
        portal = new LibertyServerProcess(Path.of(System.getProperty("portal.liberty.install.dir")), "driver",
                ItSettings.workDir(PortalStartPageIT.class).resolve("portal"),
                Integer.parseInt(System.getProperty("it.portal.http.port")),
                Map.of("HTTPS_PORT", System.getProperty("it.portal.https.port"), "BROKER_ADDRESS", "localhost:1"));
        Duration started = portal.startAndAwaitReady(Duration.ofSeconds(120));
        System.out.printf("[timing] driver portal ready in %d ms%n", started.toMillis());
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
}
