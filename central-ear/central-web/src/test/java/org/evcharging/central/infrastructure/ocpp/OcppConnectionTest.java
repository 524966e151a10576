package org.evcharging.central.infrastructure.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.junit.jupiter.api.Test;

/** Central's CALLs to one charger: one outstanding at a time, the next one sent on an answer or a time-out. */
class OcppConnectionTest {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final OcppConnection.Socket socket = new OcppConnection.Socket() {
        @Override
        public boolean sendText(String text) {
            return sent.add(text);
        }

        @Override
        public void close(String reason) {
            // nothing to close
        }

        @Override
        public String remoteAddress() {
            return "10.0.0.7:51000";
        }
    };

    private OcppConnection connection(Duration timeout) {
        return new OcppConnection(CpId.of("wallbox_1"), socket, new OcppActions(), null, timeout, Runnable::run);
    }

    private static JsonNode frame(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void aSecondCallWaitsUntilTheFirstIsAnswered() throws Exception {
        OcppConnection charger = connection(Duration.ofSeconds(30));
        CompletableFuture<JsonNode> first = charger.call("ChangeAvailability", new Ocpp16.ChangeAvailabilityReq(0, "Inoperative"));
        CompletableFuture<JsonNode> second = charger.call("Reset", new Ocpp16.ResetReq("Soft"));

        assertThat(sent).hasSize(1);
        String firstId = frame(sent.get(0)).get(1).asText();
        charger.received("[3,\"someone-else\",{\"status\":\"Accepted\"}]");
        assertThat(sent).as("an answer to another id is not the answer").hasSize(1);

        charger.received("[3,\"" + firstId + "\",{\"status\":\"Accepted\"}]");
        assertThat(first).isCompletedWithValueMatching(answer -> answer.path("status").asText().equals("Accepted"));
        assertThat(sent).hasSize(2);
        assertThat(frame(sent.get(1)).get(2).asText()).isEqualTo("Reset");

        charger.received("[4,\"" + frame(sent.get(1)).get(1).asText() + "\",\"NotSupported\",\"no resets\",{}]");
        assertThat(second).isCompletedExceptionally();
    }

    @Test
    void aCallWithoutAnswerTimesOutAndTheNextOneGoes() throws Exception {
        OcppConnection charger = connection(Duration.ofMillis(200));
        CompletableFuture<JsonNode> unanswered = charger.call("Reset", new Ocpp16.ResetReq("Hard"));
        charger.call("TriggerMessage", new Ocpp16.TriggerMessageReq("Heartbeat", null));

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 2);
        assertThat(unanswered).isCompletedExceptionally();
        assertThat(frame(sent.get(1)).get(2).asText()).isEqualTo("TriggerMessage");
    }

    @Test
    void aMalformedFrameIsAnsweredAndTheConnectionGoesOn() throws Exception {
        OcppConnection charger = connection(Duration.ofSeconds(30));

        charger.received("[2,\"m1\",\"FlyToTheMoon\",{}]");
        charger.received("nonsense");

        assertThat(frame(sent.get(0)).get(2).asText()).isEqualTo("NotImplemented");
        assertThat(frame(sent.get(1)).get(2).asText()).isEqualTo("FormationViolation");
        assertThat(charger.call("Reset", new Ocpp16.ResetReq("Soft"))).isNotDone();
    }
}
