package it.org.evcharging.central.operator;

import static org.assertj.core.api.Assertions.assertThat;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.FakeMonitor;
import it.org.evcharging.central.support.KafkaDriver;

import java.time.Duration;

import org.evcharging.api.Topics;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.model.SessionEnding;

/**
 * The operator tests' script: a CP (FakeMonitor) that asks to join, is authorized through the
 * admin API, registers and reports ACTIVE; a driver (Kafka) whose request starts a session; meter
 * ticks the CP sends as its Engine would.
 */
final class ScriptedCharge {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final double PRICE = 0.30;

    private ScriptedCharge() {
    }

    /** Connects and authenticates; the CP is pending until {@link #authorizeAndActivate}. */
    static FakeMonitor pendingCp(CentralFixture system, String cpId) throws Exception {
        FakeMonitor monitor = FakeMonitor.connect(system.acceptorPort());
        AuthResponse answer = monitor.call(AuthRequest.of(cpId), AuthResponse.class);
        assertThat(answer.status()).isEqualTo(ReplyStatus.PENDING);
        return monitor;
    }

    /** Authorizes through the API (unless {@code alreadyAuthorized}), registers and reports ACTIVE. */
    static void authorizeAndActivate(AdminApi admin, FakeMonitor monitor, String cpId) throws Exception {
        assertThat(admin.post("charging-points/" + cpId + "/authorize").statusCode()).isEqualTo(200);
        monitor.await(AuthResponse.class, r -> ReplyStatus.SUCCESS.equals(r.status()), WAIT);
        activate(monitor, cpId);
    }

    static void activate(FakeMonitor monitor, String cpId) throws Exception {
        Response registered = monitor.call(RegisterRequest.of(cpId, "Alicante " + cpId, PRICE, 5), Response.class);
        assertThat(registered.status()).isEqualTo(ReplyStatus.SUCCESS);
        monitor.call(StatusUpdate.of(cpId, ChargingPointState.ACTIVE), Response.class);
    }

    /** The driver asks to charge; returns the session id once the CP was told to start. */
    static String startCharge(KafkaDriver driver, FakeMonitor monitor, String cpId) throws Exception {
        ChargeRequest request = ChargeRequest.of(cpId, driver.id());
        driver.send(Topics.DRIVER_CHARGE_REQUESTS, request);
        Response accepted = driver.await(Response.class, r -> request.messageId().equals(r.messageId()), WAIT);
        assertThat(accepted.status()).as(accepted.info()).isEqualTo(ReplyStatus.SUCCESS);
        String sessionId = accepted.sessionId();
        monitor.await(StartChargingCommand.class, c -> sessionId.equals(c.sessionId()), WAIT);
        return sessionId;
    }

    /** Meter tick {@code n}: n × 0.01 kWh so far, priced at {@link #PRICE}. */
    static void tick(FakeMonitor monitor, String cpId, String sessionId, String driverId, int n) throws Exception {
        double energy = n * 0.01;
        monitor.call(ChargingData.of(cpId, sessionId, driverId, energy, Math.round(energy * PRICE * 100) / 100.0, n),
                Response.class);
    }

    /** The CP's final figures after {@code ticks} ticks, ended as {@code ending}. */
    static void complete(FakeMonitor monitor, String cpId, String sessionId, String driverId, int ticks,
                         SessionEnding ending) throws Exception {
        double energy = ticks * 0.01;
        monitor.call(ChargeCompletion.of(cpId, sessionId, driverId, energy, Math.round(energy * PRICE * 100) / 100.0,
                ending), Response.class);
    }
}
