package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.DevTls;
import it.org.evcharging.central.support.ItSettings;
import it.org.evcharging.central.support.KafkaDriver;
import it.org.evcharging.central.support.OcppCharger;
import it.org.evcharging.central.support.SharedCentral;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import org.evcharging.api.Topics;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.message.driver.StopChargingRequest;
import org.evcharging.api.message.session.ChargeCompletion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.AvailabilityType;
import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionRequest;
import eu.chargetime.ocpp.model.core.ResetRequest;
import eu.chargetime.ocpp.model.core.ResetType;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageRequest;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageRequestType;

/**
 * OCPP 1.6J chargers against a real Central, played by an independent implementation
 * (ChargeTime's client): the same pending list, operator commands, driver requests, live figures
 * and tickets as a course CP.
 */
@ExtendWith(SharedCentral.class)
class OcppChargerIT {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static CentralFixture system;
    private static AdminApi admin;

    @BeforeAll
    static void startSystem() {
        system = SharedCentral.system();
        admin = new AdminApi(system.central().baseUri(), null);
    }

    private static String newChargerId() {
        return "ocpp_it_" + NEXT.incrementAndGet();
    }

    /**
     * Boots (Pending), is authorized and priced by the operator, boots again when asked: ACTIVE. The
     * credential the operator was shown is kept in {@link OcppCharger#credential} for its next connection.
     */
    static OcppCharger acceptedCharger(String id, String price) throws Exception {
        OcppCharger charger = OcppCharger.connect(system.central().baseUri(), id);
        BootNotificationConfirmation first = charger.boot();
        if (first.getStatus() == RegistrationStatus.Pending) {
            setDetails(id, "Car park B", price);
            var authorized = admin.post("charging-points/" + id + "/authorize");
            assertThat(authorized.statusCode()).isEqualTo(200);
            charger.credential = AdminApi.json(authorized).path("credential").asText();
            assertThat(charger.credential).as("the password the operator gives the charger").isNotBlank();
            assertThat(charger.await(TriggerMessageRequest.class).getRequestedMessage())
                    .isEqualTo(TriggerMessageRequestType.BootNotification);
            assertThat(charger.boot().getStatus()).isEqualTo(RegistrationStatus.Accepted);
        }
        charger.status(ChargePointStatus.Available, ChargePointErrorCode.NoError);
        assertThat(admin.stateOf(id)).isEqualTo("ACTIVE");
        return charger;
    }

    private static void setDetails(String id, String location, String price) throws Exception {
        var response = admin.send(admin.request("charging-points/" + id + "/details").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"location\":\"" + location + "\",\"price_per_kwh\":" + price + "}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static KafkaDriver driver() {
        return new KafkaDriver(system.kafka().bootstrapServers(), "ocpp_driver_" + NEXT.incrementAndGet());
    }

    @Test
    void aNewChargerWaitsPendingUntilTheOperatorAuthorizesIt() throws Exception {
        String id = newChargerId();
        try (OcppCharger charger = OcppCharger.connect(system.central().baseUri(), id)) {
            BootNotificationConfirmation pending = charger.boot();

            assertThat(pending.getStatus()).isEqualTo(RegistrationStatus.Pending);
            assertThat(AdminApi.json(admin.get("charging-points/pending")).findValuesAsText("id")).contains(id);
            assertThat(admin.stateOf(id)).as("not available to drivers while pending").isEqualTo("DISCONNECTED");

            setDetails(id, "Car park B", "0.40");
            assertThat(admin.post("charging-points/" + id + "/authorize").statusCode()).isEqualTo(200);
            charger.await(TriggerMessageRequest.class);
            BootNotificationConfirmation accepted = charger.boot();

            assertThat(accepted.getStatus()).isEqualTo(RegistrationStatus.Accepted);
            assertThat(accepted.getInterval()).isEqualTo(30);
            var view = AdminApi.json(admin.get("charging-points/" + id));
            assertThat(view.path("state").asText()).isEqualTo("ACTIVE");
            assertThat(view.path("location").asText()).isEqualTo("Car park B");
            assertThat(view.path("price_per_kwh").asDouble()).isEqualTo(0.40);
            assertThat(view.path("protocol").asText()).as("the panel's badge").isEqualTo("OCPP");
        }
    }

    @Test
    void aDriversRequestIsOneRemoteStartOneTransactionAndOneTicketBilledFromTheMeter() throws Exception {
        String id = newChargerId();
        try (OcppCharger charger = acceptedCharger(id, "0.40"); KafkaDriver driver = driver()) {
            ChargeRequest request = ChargeRequest.of(id, driver.id());
            driver.send(Topics.DRIVER_CHARGE_REQUESTS, request);
            Response accepted = driver.await(Response.class, r -> request.messageId().equals(r.messageId()), WAIT);
            assertThat(accepted.status()).as(accepted.info()).isEqualTo("success");
            String sessionId = accepted.sessionId();

            RemoteStartTransactionRequest remoteStart = charger.await(RemoteStartTransactionRequest.class);
            assertThat(remoteStart.getIdTag()).isEqualTo(driver.id());
            StartTransactionConfirmation started = charger.startTransaction(driver.id(), 120_000);
            assertThat(started.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
            int transaction = started.getTransactionId();
            charger.status(ChargePointStatus.Charging, ChargePointErrorCode.NoError);

            charger.meter(transaction, 121_500);
            ChargingStatusUpdate live = driver.await(ChargingStatusUpdate.class,
                    u -> sessionId.equals(u.sessionId()) && u.energyConsumedKwh() != null && u.energyConsumedKwh() > 0, WAIT);
            assertThat(live.energyConsumedKwh()).isEqualTo(1.5);
            assertThat(live.totalCost()).isEqualTo(0.6);
            await().atMost(WAIT).until(() -> admin.stateOf(id).equals("CHARGING"));

            driver.send(Topics.DRIVER_STOP_REQUESTS, StopChargingRequest.of(sessionId, id, driver.id()));
            RemoteStopTransactionRequest remoteStop = charger.await(RemoteStopTransactionRequest.class);
            assertThat(remoteStop.getTransactionId()).isEqualTo(transaction);
            charger.stopTransaction(transaction, 122_000, Reason.Remote);

            ChargeCompletion ticket = driver.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), WAIT);
            assertThat(ticket.energyConsumedKwh()).isEqualTo(2.0);
            assertThat(ticket.totalCost()).isEqualTo(0.8);
            assertThat(ticket.endedBy()).isEqualTo("driver_stop");
            await().atMost(WAIT).until(() -> admin.stateOf(id).equals("ACTIVE"));

            // The same StopTransaction again (a charger retrying): still one ticket.
            charger.stopTransaction(transaction, 122_000, Reason.Remote);
            charger.heartbeat();
            var sessions = AdminApi.json(admin.get("sessions?limit=1000"));
            assertThat(StreamSupport.stream(sessions.spliterator(), false)
                    .filter(s -> driver.id().equals(s.path("driver_id").asText())).map(s -> s.path("session_id").asText()))
                    .as("one session for the one request").containsExactly(sessionId);
            assertThat(driver.drain()).filteredOn(ChargeCompletion.class::isInstance).isEmpty();
        }
    }

    @Test
    void aRemoteStartTheChargerRejectsEndsTheDriversSessionAtOnce() throws Exception {
        String id = newChargerId();
        try (OcppCharger charger = acceptedCharger(id, "0.30"); KafkaDriver driver = driver()) {
            charger.rejectRemoteStarts = true;
            ChargeRequest request = ChargeRequest.of(id, driver.id());
            driver.send(Topics.DRIVER_CHARGE_REQUESTS, request);
            String sessionId = driver.await(Response.class, r -> request.messageId().equals(r.messageId()), WAIT).sessionId();
            charger.await(RemoteStartTransactionRequest.class);

            // Sooner than the start time-out (8 s here) would close it.
            ChargeCompletion ticket = driver.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), Duration.ofSeconds(5));
            assertThat(ticket.endedBy()).isEqualTo("start_failed");
            assertThat(ticket.energyConsumedKwh()).isZero();
            await().atMost(WAIT).until(() -> admin.stateOf(id).equals("ACTIVE"));
        }
    }

    @Test
    void aFaultedChargerIsFaultyAndAReconnectedOneIsActiveAgain() throws Exception {
        String id = newChargerId();
        OcppCharger charger = acceptedCharger(id, "0.30");
        charger.status(ChargePointStatus.Faulted, ChargePointErrorCode.GroundFailure);
        assertThat(admin.stateOf(id)).isEqualTo("FAULTY");
        charger.status(ChargePointStatus.Available, ChargePointErrorCode.NoError);
        assertThat(admin.stateOf(id)).isEqualTo("ACTIVE");

        charger.close();
        await().atMost(WAIT).until(() -> admin.stateOf(id).equals("DISCONNECTED"));

        try (OcppCharger back = OcppCharger.connect(system.central().baseUri(), id, charger.credential)) {
            assertThat(back.boot().getStatus()).as("known and authorized: no second wait").isEqualTo(RegistrationStatus.Accepted);
            assertThat(admin.stateOf(id)).isEqualTo("ACTIVE");
        }
    }

    @Test
    void theOperatorsStopResumeResetAndTriggerReachTheCharger() throws Exception {
        String id = newChargerId();
        try (OcppCharger charger = acceptedCharger(id, "0.30")) {
            assertThat(admin.post("charging-points/" + id + "/stop").statusCode()).isEqualTo(200);
            assertThat(charger.await(ChangeAvailabilityRequest.class).getType()).isEqualTo(AvailabilityType.Inoperative);
            assertThat(admin.stateOf(id)).isEqualTo("STOPPED");

            assertThat(admin.post("charging-points/" + id + "/resume").statusCode()).isEqualTo(200);
            assertThat(charger.await(ChangeAvailabilityRequest.class).getType()).isEqualTo(AvailabilityType.Operative);
            assertThat(admin.stateOf(id)).isEqualTo("ACTIVE");

            // Longer than the API client's usual 10 s: Central waits up to its call time-out for the charger.
            var reset = admin.send(admin.request("ocpp/" + id + "/reset").timeout(Duration.ofSeconds(40))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"Soft\"}")));
            assertThat(reset.statusCode()).as(reset.body() + "; the charger received " + charger.received).isEqualTo(200);
            assertThat(AdminApi.json(reset).path("status").asText()).isEqualTo("Accepted");
            assertThat(charger.await(ResetRequest.class).getType()).isEqualTo(ResetType.Soft);

            var trigger = admin.postJson("ocpp/" + id + "/trigger", "{\"message\":\"StatusNotification\"}");
            assertThat(AdminApi.json(trigger).path("status").asText()).isEqualTo("Accepted");
            assertThat(charger.await(TriggerMessageRequest.class).getRequestedMessage())
                    .isEqualTo(TriggerMessageRequestType.StatusNotification);

            assertThat(admin.postJson("ocpp/" + id + "/reset", "{\"type\":\"Sideways\"}").statusCode()).isEqualTo(400);
            assertThat(admin.postJson("ocpp/not_connected_1/reset", "{\"type\":\"Hard\"}").statusCode()).isEqualTo(404);
        }
    }

    private static URI plainUrl(String id) {
        return URI.create("ws://localhost:" + system.central().baseUri().getPort() + "/ocpp/" + id);
    }

    private static URI tlsUrl(String id) {
        return URI.create("wss://localhost:" + ItSettings.httpsPort() + "/ocpp/" + id);
    }

    private static void assertBasicChallenge(HttpResponse<?> refused) {
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Basic realm="));
    }

    /** The operator's audit log shows a refused OCPP connection of {@code id} for {@code reason}. */
    private static void awaitRefusalAudited(String id, String reason) {
        await("audit of the refused connection of " + id + ": " + reason).atMost(WAIT).until(() ->
                AdminApi.json(admin.get("audit?actor=cp:" + id + "&action=ocpp.connect&outcome=REFUSED")).path("entries")
                        .findValuesAsText("detail").stream().anyMatch(detail -> detail.contains(reason)));
    }

    @Test
    void anAuthorizedChargerComesBackOnlyWithThePasswordTheOperatorWasShown() throws Exception {
        String id = newChargerId();
        String password;
        try (OcppCharger first = acceptedCharger(id, "0.30")) {
            password = first.credential;
        }
        await().atMost(WAIT).until(() -> admin.stateOf(id).equals("DISCONNECTED"));

        assertBasicChallenge(OcppCharger.refusedHandshake(plainUrl(id), null, null));
        assertBasicChallenge(OcppCharger.refusedHandshake(plainUrl(id), OcppCharger.basic(id, "not-" + password), null));
        assertBasicChallenge(OcppCharger.refusedHandshake(plainUrl(id), OcppCharger.basic("someone_else", password), null));
        awaitRefusalAudited(id, "no credential presented");
        awaitRefusalAudited(id, "wrong credential");
        assertThat(admin.stateOf(id)).as("nobody spoke for it").isEqualTo("DISCONNECTED");

        try (OcppCharger back = OcppCharger.connect(system.central().baseUri(), id, password)) {
            assertThat(back.boot().getStatus()).isEqualTo(RegistrationStatus.Accepted);
            back.status(ChargePointStatus.Available, ChargePointErrorCode.NoError);
            assertThat(admin.stateOf(id)).isEqualTo("ACTIVE");
        }
    }

    @Test
    void aChargerTheOperatorMarkedLegacyConnectsByItsIdAlone() throws Exception {
        String id = newChargerId();
        try (OcppCharger charger = OcppCharger.connect(system.central().baseUri(), id)) {
            assertThat(charger.boot().getStatus()).isEqualTo(RegistrationStatus.Pending);
            setDetails(id, "Old yard", "0.25");
            var authorized = admin.post("charging-points/" + id + "/authorize?legacy=true");
            assertThat(authorized.statusCode()).isEqualTo(200);
            assertThat(AdminApi.json(authorized).path("credential").isMissingNode()
                    || AdminApi.json(authorized).path("credential").isNull()).as("no password for a legacy charger").isTrue();
            charger.await(TriggerMessageRequest.class);
            assertThat(charger.boot().getStatus()).isEqualTo(RegistrationStatus.Accepted);
        }
        await().atMost(WAIT).until(() -> admin.stateOf(id).equals("DISCONNECTED"));

        try (OcppCharger back = OcppCharger.connect(system.central().baseUri(), id)) {
            assertThat(back.boot().getStatus()).isEqualTo(RegistrationStatus.Accepted);
            back.status(ChargePointStatus.Available, ChargePointErrorCode.NoError);
            assertThat(admin.stateOf(id)).isEqualTo("ACTIVE");
        }
    }

    @Test
    void overTlsWithTheDevelopmentCaARegisteredChargerConnectsWithItsPasswordAndAWrongOneIsRefused() throws Exception {
        String id = newChargerId();
        String password = admin.register(id, "Secure yard", 0.35);

        assertBasicChallenge(OcppCharger.refusedHandshake(tlsUrl(id), OcppCharger.basic(id, "guess"), DevTls.trustingTheCa()));
        awaitRefusalAudited(id, "wrong credential");

        try (OcppCharger charger = OcppCharger.connectTls(ItSettings.httpsPort(), DevTls.trustingTheCa(), id, password)) {
            assertThat(charger.boot().getStatus()).as("registered by the operator: no wait").isEqualTo(RegistrationStatus.Accepted);
            charger.status(ChargePointStatus.Available, ChargePointErrorCode.NoError);
            var view = AdminApi.json(admin.get("charging-points/" + id));
            assertThat(view.path("state").asText()).isEqualTo("ACTIVE");
            assertThat(view.path("location").asText()).isEqualTo("Secure yard");
        }
    }

    @Test
    void repeatedWrongPasswordsAreThrottledEvenForTheRightOneUntilTheLockoutEnds() throws Exception {
        String id = newChargerId();
        String password = admin.register(id, "Guarded yard", 0.30);
        for (int i = 0; i < CentralFixture.SIGN_IN_FAILURES_ALLOWED; i++) {
            assertBasicChallenge(OcppCharger.refusedHandshake(plainUrl(id), OcppCharger.basic(id, "guess-" + i), null));
        }

        HttpResponse<?> throttled = OcppCharger.refusedHandshake(plainUrl(id), OcppCharger.basic(id, password), null);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, CentralFixture.SIGN_IN_LOCKOUT.toSeconds()));
        awaitRefusalAudited(id, "Too many wrong passwords");
        await("the lockout ends").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
                OcppCharger.handshakeStatus(plainUrl(id), OcppCharger.basic(id, password), null) == 101);
        try (OcppCharger charger = OcppCharger.connect(system.central().baseUri(), id, password)) {
            assertThat(charger.boot().getStatus()).isEqualTo(RegistrationStatus.Accepted);
        }
    }
}
