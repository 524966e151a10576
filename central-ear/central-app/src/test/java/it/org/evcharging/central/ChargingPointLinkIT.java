package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.FakeMonitor;
import it.org.evcharging.central.support.SharedCentral;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.ResumeCpCommand;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.message.monitor.StopCpCommand;
import org.evcharging.api.model.ChargingPointState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Monitor link against a real Central, driven by scripted Monitors over real sockets:
 * authorization, registration, liveness and operator stop/resume. (Real agent processes are
 * driven in {@link AgentFailuresIT}.)
 */
@ExtendWith(SharedCentral.class)
class ChargingPointLinkIT {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static CentralFixture system;
    private static AdminApi admin;

    @BeforeAll
    static void startSystem() throws Exception {
        system = SharedCentral.system();
        admin = new AdminApi(system.central().baseUri(), null);
    }

    /** The credential each CP got when the operator authorized it, as its Monitor keeps it. */
    private static final java.util.Map<String, String> CREDENTIALS = new java.util.concurrent.ConcurrentHashMap<>();

    static String newCpId() {
        return "cp_link_" + NEXT.incrementAndGet();
    }

    /** Authenticates, gets authorized by the operator if needed, registers and reports ACTIVE. */
    static FakeMonitor activeCp(String cpId, int heartbeatSeconds) throws Exception {
        FakeMonitor monitor = FakeMonitor.connect(system.acceptorPort());
        AuthRequest auth = AuthRequest.of(cpId);
        AuthResponse answer = monitor.call(auth, AuthResponse.class);
        if (ReplyStatus.PENDING.equals(answer.status())) {
            var authorized = admin.post("charging-points/" + cpId + "/authorize");
            assertThat(authorized.statusCode()).isEqualTo(200);
            CREDENTIALS.put(cpId, AdminApi.json(authorized).path("credential").asText());
            monitor.await(AuthResponse.class, r -> ReplyStatus.SUCCESS.equals(r.status()), Duration.ofSeconds(5));
        }
        Response registered = monitor.call(RegisterRequest.of(cpId, "Alicante", 0.25, heartbeatSeconds), Response.class);
        assertThat(registered.status()).isEqualTo(ReplyStatus.SUCCESS);
        monitor.call(StatusUpdate.of(cpId, ChargingPointState.ACTIVE), Response.class);
        assertThat(admin.stateOf(cpId)).isEqualTo("ACTIVE");
        return monitor;
    }

    @Test
    void aNewCpIsPendingUntilTheOperatorAuthorizesItThenRegistersAndIsActive() throws Exception {
        String cpId = newCpId();
        try (FakeMonitor monitor = FakeMonitor.connect(system.acceptorPort())) {
            AuthRequest auth = AuthRequest.of(cpId);
            AuthResponse pending = monitor.call(auth, AuthResponse.class);
            assertThat(pending.status()).isEqualTo(ReplyStatus.PENDING);
            assertThat(AdminApi.json(admin.get("charging-points/pending")).findValuesAsText("id")).contains(cpId);
            var waiting = AdminApi.json(admin.get("charging-points/" + cpId));
            assertThat(waiting.path("connected").asBoolean()).as("its Monitor waits on a live connection").isTrue();
            assertThat(waiting.path("state").asText()).as("not available to drivers").isEqualTo("DISCONNECTED");

            Response heartbeat = monitor.call(HeartbeatRequest.of(cpId, 5), Response.class);
            assertThat(heartbeat.info()).isEqualTo("Heartbeat received, waiting for authorization before registration");

            assertThat(admin.post("charging-points/" + cpId + "/authorize").statusCode()).isEqualTo(200);
            AuthResponse approved = monitor.await(AuthResponse.class,
                    r -> ReplyStatus.SUCCESS.equals(r.status()), Duration.ofSeconds(5));
            assertThat(approved.messageId()).as("approval echoes the original auth_request").isEqualTo(auth.messageId());

            Response registered = monitor.call(RegisterRequest.of(cpId, "Alicante", 0.25, 5), Response.class);
            assertThat(registered.type()).isEqualTo("register_response");
            assertThat(registered.info()).isEqualTo("charging point " + cpId + " registered successfully.");
            monitor.call(StatusUpdate.of(cpId, ChargingPointState.ACTIVE), Response.class);

            var view = AdminApi.json(admin.get("charging-points/" + cpId));
            assertThat(view.path("state").asText()).isEqualTo("ACTIVE");
            assertThat(view.path("location").asText()).isEqualTo("Alicante");
            assertThat(view.path("price_per_kwh").asDouble()).isEqualTo(0.25);
        }
    }

    @Test
    void aCpThatWasNeverAuthorizedCannotRegister() throws Exception {
        String cpId = newCpId();
        try (FakeMonitor monitor = FakeMonitor.connect(system.acceptorPort())) {
            Response refused = monitor.call(RegisterRequest.of(cpId, "Elche", 0.3, 5), Response.class);

            assertThat(refused.status()).isEqualTo(ReplyStatus.FAILURE);
            assertThat(refused.info()).isEqualTo("Charging point " + cpId + " not yet authorized, please complete authentication first");
            var view = AdminApi.json(admin.get("charging-points/" + cpId));
            assertThat(view.path("registration").asText()).isEqualTo("PENDING");
            assertThat(view.path("state").asText()).isEqualTo("DISCONNECTED");
        }
    }

    @Test
    void aLostSocketMakesTheCpDisconnectedAtOnce() throws Exception {
        String cpId = newCpId();
        FakeMonitor monitor = activeCp(cpId, 5);
        monitor.close();
        long closed = System.nanoTime();

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> admin.stateOf(cpId).equals("DISCONNECTED"));
        System.out.printf("[timing] socket loss -> DISCONNECTED in %d ms%n", (System.nanoTime() - closed) / 1_000_000);
    }

    @Test
    void aSilentMonitorIsDisconnectedAfterThreeOfItsHeartbeatIntervals() throws Exception {
        String cpId = newCpId();
        try (FakeMonitor monitor = activeCp(cpId, 1)) {
            long lastSign = System.nanoTime();

            await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(100))
                    .until(() -> admin.stateOf(cpId).equals("DISCONNECTED"));
            long detected = (System.nanoTime() - lastSign) / 1_000_000;
            System.out.printf("[timing] silent Monitor (1 s heartbeat) -> DISCONNECTED in %d ms%n", detected);
            assertThat(detected).as("not before 3 intervals of 1 s").isGreaterThanOrEqualTo(2_900);
            await().atMost(Duration.ofSeconds(2)).until(monitor::isClosedByPeer);
        }
    }

    @Test
    void aMonitorThatAnnouncesNoIntervalIsJudgedByTheDesigns30Seconds() throws Exception {
        String cpId = newCpId();
        try (FakeMonitor monitor = activeCp(cpId, 1)) {
            // A first-implementation Monitor: heartbeats without heartbeat_interval reset the assumption to 30 s.
            monitor.call(new HeartbeatRequest(java.util.UUID.randomUUID().toString(), cpId, null), Response.class);
            Response registered = monitor.call(new RegisterRequest(java.util.UUID.randomUUID().toString(), cpId,
                    "Alicante", 0.25, null), Response.class);
            assertThat(registered.status()).isEqualTo(ReplyStatus.SUCCESS);

            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5))
                    .until(() -> admin.stateOf(cpId).equals("ACTIVE"));
        }
    }

    @Test
    void anOperatorStopReachesTheMonitorAndSurvivesAReconnectUntilResumed() throws Exception {
        String cpId = newCpId();
        try (FakeMonitor monitor = activeCp(cpId, 5)) {
            assertThat(admin.post("charging-points/" + cpId + "/stop").statusCode()).isEqualTo(200);
            monitor.await(StopCpCommand.class, c -> cpId.equals(c.cpId()), Duration.ofSeconds(5));
            assertThat(admin.stateOf(cpId)).isEqualTo("STOPPED");
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> admin.stateOf(cpId).equals("DISCONNECTED"));
        try (FakeMonitor again = FakeMonitor.connect(system.acceptorPort())) {
            assertThat(again.call(AuthRequest.of(cpId, CREDENTIALS.get(cpId)), AuthResponse.class).status())
                    .as("admitted by its credential").isEqualTo(ReplyStatus.SUCCESS);
            again.call(RegisterRequest.of(cpId, "Alicante", 0.25, 5), Response.class);
            again.call(StatusUpdate.of(cpId, ChargingPointState.ACTIVE), Response.class);
            assertThat(admin.stateOf(cpId)).as("still out of order after reconnecting").isEqualTo("STOPPED");

            assertThat(admin.post("charging-points/" + cpId + "/resume").statusCode()).isEqualTo(200);
            again.await(ResumeCpCommand.class, c -> cpId.equals(c.cpId()), Duration.ofSeconds(5));
            assertThat(admin.stateOf(cpId)).isEqualTo("ACTIVE");
        }
    }

    @Test
    void stopAllAndResumeAllReachEveryConnectedCp() throws Exception {
        String first = newCpId();
        String second = newCpId();
        try (FakeMonitor one = activeCp(first, 5); FakeMonitor two = activeCp(second, 5)) {
            var stopped = AdminApi.json(admin.post("charging-points/all/stop"));
            assertThat(stopped.path("done").toString()).contains(first, second);
            one.await(StopCpCommand.class);
            two.await(StopCpCommand.class);
            assertThat(admin.stateOf(first)).isEqualTo("STOPPED");
            assertThat(admin.stateOf(second)).isEqualTo("STOPPED");

            var resumed = AdminApi.json(admin.post("charging-points/all/resume"));
            assertThat(resumed.path("done").toString()).contains(first, second);
            one.await(ResumeCpCommand.class);
            two.await(ResumeCpCommand.class);
            assertThat(admin.stateOf(first)).isEqualTo("ACTIVE");
            assertThat(admin.stateOf(second)).isEqualTo("ACTIVE");
        }
    }
}
