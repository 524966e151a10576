package it.org.evcharging.central.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.Browser;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.FakeMonitor;
import it.org.evcharging.central.support.KafkaDriver;
import it.org.evcharging.central.support.OcppCharger;
import it.org.evcharging.central.support.SharedCentral;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.evcharging.api.Topics;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.model.SessionEnding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionRequest;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageRequest;

/**
 * An OCPP charger (ChargeTime's independent client) and a course CP charge side by side on one
 * Central: a driver in a real browser charges at the OCPP charger from the portal while a Kafka
 * driver charges at the course CP; both show on the operator's API, each session ends with one ticket.
 */
@ExtendWith(SharedCentral.class)
class OcppPortalIT {

    private static final Duration WAIT = DriverPages.WAIT;
    private static final String OCPP_CP = "ocpp_portal_1";
    private static final String COURSE_CP = "cp_portal_course_1";
    private static PortalSystem system;
    private static AdminApi admin;

    @BeforeAll
    static void startSystem() throws Exception {
        system = PortalSystem.start(0);
        admin = new AdminApi(system.central().central().baseUri(), null);
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    private static OcppCharger ocppCharger(CentralFixture central) throws Exception {
        OcppCharger charger = OcppCharger.connect(central.central().baseUri(), OCPP_CP);
        BootNotificationConfirmation boot = charger.boot();
        if (boot.getStatus() == RegistrationStatus.Pending) {
            var details = admin.send(admin.request("charging-points/" + OCPP_CP + "/details").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"location\":\"Wallbox yard\",\"price_per_kwh\":0.40}")));
            assertThat(details.statusCode()).as(details.body()).isEqualTo(200);
            assertThat(admin.post("charging-points/" + OCPP_CP + "/authorize").statusCode()).isEqualTo(200);
            charger.await(TriggerMessageRequest.class);
            assertThat(charger.boot().getStatus()).isEqualTo(RegistrationStatus.Accepted);
        }
        charger.status(ChargePointStatus.Available, ChargePointErrorCode.NoError);
        return charger;
    }

    private static FakeMonitor courseCp(CentralFixture central) throws Exception {
        FakeMonitor monitor = FakeMonitor.connect(central.acceptorPort());
        AuthResponse answer = monitor.call(AuthRequest.of(COURSE_CP), AuthResponse.class);
        if (ReplyStatus.PENDING.equals(answer.status())) {
            assertThat(admin.post("charging-points/" + COURSE_CP + "/authorize").statusCode()).isEqualTo(200);
            monitor.await(AuthResponse.class, r -> ReplyStatus.SUCCESS.equals(r.status()), WAIT);
        }
        monitor.call(RegisterRequest.of(COURSE_CP, "Course bay", 0.25, 5), Response.class);
        monitor.call(StatusUpdate.of(COURSE_CP, ChargingPointState.ACTIVE), Response.class);
        return monitor.heartbeating(COURSE_CP);
    }

    @Test
    void anOcppChargerAndACourseCpChargeSideBySideEachEndingWithOneTicket() throws Exception {
        CentralFixture central = system.central();
        try (OcppCharger wallbox = ocppCharger(central); FakeMonitor course = courseCp(central);
             KafkaDriver bob = new KafkaDriver(central.kafka().bootstrapServers(), "ocpp_portal_bob");
             DriverPages ana = new DriverPages(Browser.desktop(), system)) {
            // The course CP charges for a Kafka driver.
            ChargeRequest request = ChargeRequest.of(COURSE_CP, bob.id());
            bob.send(Topics.DRIVER_CHARGE_REQUESTS, request);
            StartChargingCommand start = course.await(StartChargingCommand.class, c -> bob.id().equals(c.driverId()), WAIT);
            String courseSession = start.sessionId();
            course.call(ChargingData.of(COURSE_CP, courseSession, bob.id(), 0.5, 0.13, 1), Response.class);

            // The OCPP charger charges for a driver in the portal.
            ana.signIn("ocpp_ana", null);
            ana.awaitAvailable(OCPP_CP);
            assertThat(ana.text("cp-list")).contains(OCPP_CP, "Wallbox yard", "0.400 EUR/kWh");
            ana.chargeAt(OCPP_CP);
            RemoteStartTransactionRequest remoteStart = wallbox.await(RemoteStartTransactionRequest.class);
            assertThat(remoteStart.getIdTag()).isEqualTo("ocpp_ana");
            int transaction = wallbox.startTransaction("ocpp_ana", 40_000).getTransactionId();
            wallbox.status(ChargePointStatus.Charging, ChargePointErrorCode.NoError);
            wallbox.meter(transaction, 41_500);
            ana.awaitKwhAbove(1.4, WAIT);
            assertThat(ana.number("session-cost")).isEqualTo(0.6);
            ana.browser().screenshot("portal-ocpp-live-session");

            await().atMost(WAIT).until(() -> admin.stateOf(OCPP_CP).equals("CHARGING") && admin.stateOf(COURSE_CP).equals("CHARGING"));
            assertThat(AdminApi.json(admin.get("charging-points/" + OCPP_CP)).path("protocol").asText()).isEqualTo("OCPP");
            assertThat(AdminApi.json(admin.get("charging-points/" + COURSE_CP)).has("protocol")).isFalse();
            try (Browser panel = Browser.desktop()) {
                // The operator's panel shows both charging, the wallbox with its protocol.
                panel.authorizing(AdminApi.basic(CentralFixture.OPERATOR_USER, CentralFixture.OPERATOR_PASSWORD));
                panel.driver().get(central.central().baseUri().resolve("/panel/").toString());
                for (String cp : List.of(OCPP_CP, COURSE_CP)) {
                    panel.waiting(WAIT).until(d -> d.findElements(By.cssSelector(".tile[data-cp='" + cp + "']")).stream()
                            .anyMatch(tile -> "CHARGING".equals(tile.getDomAttribute("data-state"))));
                }
                assertThat(panel.driver().findElement(By.cssSelector(".tile[data-cp='" + OCPP_CP + "'] .protocol")).getText())
                        .isEqualTo("OCPP");
                assertThat(panel.driver().findElements(By.cssSelector(".tile[data-cp='" + COURSE_CP + "'] .protocol"))).isEmpty();
                panel.screenshot("panel-ocpp-beside-course-cp");
            }

            ana.stop();
            RemoteStopTransactionRequest remoteStop = wallbox.await(RemoteStopTransactionRequest.class);
            assertThat(remoteStop.getTransactionId()).isEqualTo(transaction);
            wallbox.stopTransaction(transaction, 42_000, Reason.Remote);
            ana.awaitTicket(WAIT);
            assertThat(ana.text("ticket-cp")).isEqualTo(OCPP_CP);
            assertThat(Double.parseDouble(ana.text("ticket-kwh"))).isEqualTo(2.0);
            assertThat(ana.text("ticket-cost")).contains("0.80");
            assertThat(ana.text("ticket-ended")).isEqualTo("Stopped by the driver");
            ana.browser().screenshot("portal-ocpp-ticket");

            course.call(ChargeCompletion.of(COURSE_CP, courseSession, bob.id(), 0.6, 0.15, SessionEnding.UNPLUGGED), Response.class);
            ChargeCompletion courseTicket = bob.await(ChargeCompletion.class, t -> courseSession.equals(t.sessionId()), WAIT);
            assertThat(courseTicket.energyConsumedKwh()).isEqualTo(0.6);
            await().atMost(WAIT).until(() -> admin.stateOf(OCPP_CP).equals("ACTIVE") && admin.stateOf(COURSE_CP).equals("ACTIVE"));
            assertThat(bob.drain()).filteredOn(ChargeCompletion.class::isInstance).isEmpty();
        }
    }
}
