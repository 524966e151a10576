package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.SharedCentral;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Central on a real Liberty server with a real broker: the health trio and what readiness depends on. */
@ExtendWith(SharedCentral.class)
@Order(Order.DEFAULT + 3) // stops and restarts the shared broker: after the classes that only use it
class CentralHealthIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CentralFixture system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = SharedCentral.system();
    }

    @Test
    void readinessIsUpAndNamesTheDatabaseKafkaAndAcceptorChecks() throws Exception {
        HttpResponse<String> ready = system.central().get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(checks(ready.body())).containsEntry("database", "UP")
                .containsEntry("kafka", "UP").containsEntry("monitor-acceptor", "UP");
    }

    @Test
    void livenessAndStartupAreUp() throws Exception {
        HttpResponse<String> live = system.central().get("/health/live");
        HttpResponse<String> started = system.central().get("/health/started");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(checks(live.body())).containsEntry("monitor-gateway-loop", "UP");
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(checks(started.body())).containsEntry("central-startup", "UP");
    }

    @Test
    void theMonitorAcceptorTakesTcpConnectionsOnTheConfiguredPort() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", system.acceptorPort()), 2000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void theSqliteDatabaseIsCreatedAtDbPathOutsideTheServerDirectory() {
        assertThat(system.databasePath()).exists();
        assertThat(system.databasePath().toString()).doesNotContain("/liberty/");
    }

    @Test
    void readinessFollowsTheBrokerDownAndBackUp() throws Exception {
        system.kafka().stop();
        long stopped = System.nanoTime();
        HttpResponse<String> down = system.central().awaitStatus("/health/ready", 503, Duration.ofSeconds(20));
        long downAfter = (System.nanoTime() - stopped) / 1_000_000;
        assertThat(checks(down.body())).containsEntry("kafka", "DOWN").containsEntry("database", "UP")
                .containsEntry("monitor-acceptor", "UP");

        system.kafka().start();
        long restarted = System.nanoTime();
        system.central().awaitStatus("/health/ready", 200, Duration.ofSeconds(40));
        long upAfter = (System.nanoTime() - restarted) / 1_000_000;
        System.out.printf("[timing] readiness DOWN %d ms after broker stop, UP %d ms after broker start%n", downAfter, upAfter);
        assertThat(Files.exists(system.kafka().dataDir())).isTrue();
    }

    /** Check name → status of a MicroProfile Health answer. */
    static Map<String, String> checks(String body) throws IOException {
        Map<String, String> result = new HashMap<>();
        for (JsonNode check : JSON.readTree(body).path("checks")) {
            result.put(check.path("name").asText(), check.path("status").asText());
        }
        return result;
    }
}
