package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.OcppCharger;
import it.org.evcharging.central.support.SharedCentral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import eu.chargetime.ocpp.model.core.RegistrationStatus;

/**
 * Bad OCPP-J input over a raw WebSocket (the JDK's client, so nothing is validated before it is
 * sent): every bad message gets the CALLERROR code OCPP-J prescribes, the connection stays, and a
 * neighbouring charger keeps working.
 */
@ExtendWith(SharedCentral.class)
class OcppBadInputIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CentralFixture system;
    private static AdminApi admin;
    private static OcppCharger neighbour;

    @BeforeAll
    static void startSystem() throws Exception {
        system = SharedCentral.system();
        admin = new AdminApi(system.central().baseUri(), null);
        neighbour = OcppChargerIT.acceptedCharger("ocpp_bad_neighbour", "0.30");
    }

    @AfterAll
    static void closeNeighbour() {
        if (neighbour != null) {
            neighbour.close();
        }
    }

    private static URI endpoint(String id) {
        URI base = system.central().baseUri();
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ocpp/" + id);
    }

    @Test
    void everyBadMessageGetsItsCallErrorAndNeitherConnectionIsDropped() throws Exception {
        try (RawSocket raw = RawSocket.open(endpoint("ocpp_bad_raw"), "ocpp1.6")) {
            assertError(raw.exchange("this is not json"), "-1", "FormationViolation");
            assertError(raw.exchange("{\"not\":\"an array\"}"), "-1", "FormationViolation");
            assertError(raw.exchange("[2, 17, \"Heartbeat\", {}]"), "-1", "FormationViolation");
            assertError(raw.exchange("[2, \"m1\", \"Heartbeat\"]"), "m1", "ProtocolError");
            assertError(raw.exchange("[9, \"m2\", \"Heartbeat\", {}]"), "m2", "NotSupported");
            assertError(raw.exchange("[2, \"m3\", \"FlyToTheMoon\", {}]"), "m3", "NotImplemented");
            assertError(raw.exchange("[2, \"m4\", \"DataTransfer\", {\"vendorId\":\"x\"}]"), "m4", "NotSupported");
            assertError(raw.exchange("[2, \"m5\", \"BootNotification\", {\"chargePointVendor\":\"V\"}]"),
                    "m5", "OccurenceConstraintViolation");
            assertError(raw.exchange("[2, \"m6\", \"BootNotification\", {\"chargePointVendor\":1,\"chargePointModel\":\"M\"}]"),
                    "m6", "TypeConstraintViolation");
            assertError(raw.exchange("[2, \"m7\", \"BootNotification\", {\"chargePointVendor\":\"" + "V".repeat(21)
                    + "\",\"chargePointModel\":\"M\"}]"), "m7", "PropertyConstraintViolation");
            assertError(raw.exchange("[2, \"m8\", \"StatusNotification\", {\"connectorId\":1,\"errorCode\":\"NoError\","
                    + "\"status\":\"Exploded\"}]"), "m8", "PropertyConstraintViolation");
            assertError(raw.exchange("[2, \"m9\", \"StatusNotification\", {\"connectorId\":\"one\",\"errorCode\":\"NoError\","
                    + "\"status\":\"Available\"}]"), "m9", "TypeConstraintViolation");
            assertError(raw.exchange("[2, \"m10\", \"MeterValues\", {\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"yesterday\","
                    + "\"sampledValue\":[{\"value\":\"1\"}]}]}]"), "m10", "PropertyConstraintViolation");

            JsonNode answer = raw.exchange("[2, \"m11\", \"Heartbeat\", {}]");
            assertThat(answer.get(0).asInt()).as("still served after all that: " + answer).isEqualTo(3);
            assertThat(answer.get(1).asText()).isEqualTo("m11");
            assertThat(answer.get(2).path("currentTime").asText()).isNotBlank();
            assertThat(raw.isOpen()).isTrue();
        }
        assertThat(neighbour.isClosed()).isFalse();
        assertThat(neighbour.boot().getStatus()).isEqualTo(RegistrationStatus.Accepted);
        assertThat(admin.stateOf("ocpp_bad_neighbour")).isEqualTo("ACTIVE");
    }

    @Test
    void aClientWithoutTheOcppSubprotocolIsClosedAndABadIdIsRefusedAtTheHandshake() throws Exception {
        try (RawSocket other = RawSocket.open(endpoint("ocpp_bad_other"), "ocpp2.0.1")) {
            assertThat(other.awaitClose()).isEqualTo(1002);
        }
        Throwable refused = catchThrowable(() -> RawSocket.open(endpoint("bad%20id!"), "ocpp1.6"));
        assertThat(refused).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(400);
        assertThat(neighbour.isClosed()).isFalse();
    }

    private static void assertError(JsonNode frame, String messageId, String code) {
        assertThat(frame.get(0).asInt()).as(frame.toString()).isEqualTo(4);
        assertThat(frame.get(1).asText()).as(frame.toString()).isEqualTo(messageId);
        assertThat(frame.get(2).asText()).as(frame.toString()).isEqualTo(code);
        assertThat(frame.get(3).asText()).as("a description for the charger's log").isNotBlank();
        assertThat(frame.get(4).isObject()).isTrue();
    }

    /** The JDK's WebSocket client: sends any text, collects what comes back. */
    private static final class RawSocket implements WebSocket.Listener, AutoCloseable {

        private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static RawSocket open(URI uri, String subprotocol) throws Exception {
            RawSocket raw = new RawSocket();
            raw.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols(subprotocol)
                    .connectTimeout(WAIT).buildAsync(uri, raw).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return raw;
        }

        JsonNode exchange(String text) throws Exception {
            socket.sendText(text, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            String answer = texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(answer).as("an answer to " + text).isNotNull();
            return JSON.readTree(answer);
        }

        boolean isOpen() {
            return !socket.isInputClosed() && !socket.isOutputClosed();
        }

        int awaitClose() throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        @Override
        public void close() {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
            }
        }
    }
}
