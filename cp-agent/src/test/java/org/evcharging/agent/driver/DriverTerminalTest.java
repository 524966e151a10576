package org.evcharging.agent.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.evcharging.agent.driver.ScriptedCentral.Plan;
import org.evcharging.agent.support.SharedKafka;
import org.evcharging.agent.support.TestAgents;
import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.driver.ChargingHistoryEntry;
import org.evcharging.api.message.session.ChargeCompletion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The driver terminal against a scripted Central on a real Kafka broker. */
@ExtendWith(SharedKafka.class)
class DriverTerminalTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private ScriptedCentral central;
    private final String driverId = TestAgents.uniqueId("driver");

    @BeforeEach
    void startCentral() {
        central = new ScriptedCentral(SharedKafka.bootstrapServers());
    }

    @AfterEach
    void stopCentral() {
        central.close();
    }

    @Test
    void menuChargesShowsProgressStopsAndPrintsOneTicket() throws Exception {
        String cp = TestAgents.uniqueCpId();
        central.plan(cp, Plan.UNTIL_STOP);
        try (DriverRun driver = DriverRun.start("driver-menu", SharedKafka.bootstrapServers(), driverId)) {
            driver.type("2");
            driver.type(cp);
            driver.out.awaitLine("Accepted: session session_1_" + cp + " at " + cp, WAIT);
            driver.out.awaitLine("Charging " + cp + ": 0.010 kWh, 0.00 EUR", WAIT);
            driver.type("4");
            driver.out.awaitLine("Status: CHARGING at " + cp, WAIT);
            driver.type("3");
            driver.out.awaitLine("Stop accepted", WAIT);
            driver.out.awaitLine("Ended:    Stopped by the driver", WAIT);
            driver.type("1");
            driver.out.awaitLine("cp_listed", WAIT);
            driver.type("0");
            assertThat(driver.awaitExit(WAIT)).isZero();

            assertThat(driver.out.text()).contains("Request sent", "Session:  session_1_" + cp, "CP:       " + cp,
                    "Driver:   " + driverId, "Energy:   0.010 kWh", "Start:    2025-11-06T18:12:25Z");
            assertThat(driver.out.count("EV CHARGING SERVICE - TICKET")).isEqualTo(1);
            assertThat(driver.out.text()).doesNotContain("foreign", "9.99", "7.77");
        }
        var requests = central.received(MessageType.CHARGE_REQUEST.wire());
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).record().key()).isEqualTo(driverId);
        assertThat(requests.get(0).record().topic()).isEqualTo(Topics.DRIVER_CHARGE_REQUESTS);
        assertThat(central.received(MessageType.STOP_CHARGING_REQUEST.wire()).get(0).record().key()).isEqualTo(driverId);
        assertThat(central.received(MessageType.AVAILABLE_CPS_REQUEST.wire()).get(0).record().topic())
                .isEqualTo(Topics.DRIVER_CPS_REQUESTS);
    }

    @Test
    void aDriverBackAfterAKillIsShownTheChargeThatEndedWhileItWasAway() throws Exception {
        central.history(driverId, List.of(new ChargingHistoryEntry("missed_session", "cp_away",
                "2026-11-30T10:00:00Z", "2026-11-30T10:00:30Z", 0.3, 0.07, "completed")));
        try (DriverRun driver = DriverRun.start("driver-back", SharedKafka.bootstrapServers(), driverId)) {
            driver.out.awaitLine("Your last charge: session missed_session at cp_away, 2026-11-30T10:00:00Z -> "
                    + "2026-11-30T10:00:30Z, 0.300 kWh, 0.07 EUR (completed)", WAIT);
            driver.type("0");
            assertThat(driver.awaitExit(WAIT)).isZero();
            assertThat(driver.out.text()).doesNotContain("Charging history");
        }
    }

    @Test
    void refusalIsShownWithCentralsReason() throws Exception {
        String cp = TestAgents.uniqueCpId();
        central.plan(cp, Plan.REFUSE);
        try (DriverRun driver = DriverRun.start("driver-refused", SharedKafka.bootstrapServers(), driverId)) {
            driver.type("2");
            driver.type(cp);
            driver.out.awaitLine("Refused: Charging point " + cp + " not registered", WAIT);
            driver.endInput();
            assertThat(driver.awaitExit(WAIT)).isZero();
            assertThat(driver.out.text()).contains("Input ended: leaving");
        }
    }

    @Test
    void recordsFromBeforeTheStartAreNotReplayed() throws Exception {
        central.publish(ChargeCompletion.ticket("cp_old", "old_session", driverId, 1.234, 0.31, "max_duration",
                null, null));
        try (DriverRun driver = DriverRun.start("driver-fresh", SharedKafka.bootstrapServers(), driverId)) {
            driver.type("1");
            // Our records share one partition (keyed by driver id): once this answer is shown, an old one would be too.
            driver.out.awaitLine("Available charging points (1):", WAIT);
            driver.type("0");
            assertThat(driver.awaitExit(WAIT)).isZero();
            assertThat(driver.out.text()).doesNotContain("old_session", "TICKET");
        }
    }

    @Test
    void servicesFileRunsUnattendedWithThePauseBetweenEndings(@TempDir Path dir) throws Exception {
        List<String> cps = List.of(TestAgents.uniqueCpId(), TestAgents.uniqueCpId(), TestAgents.uniqueCpId());
        central.plan(cps.get(0), Plan.FINISH);
        central.plan(cps.get(1), Plan.REFUSE);
        central.plan(cps.get(2), Plan.FINISH);
        Path services = Files.writeString(dir.resolve("services.txt"),
                "# three services\n" + cps.get(0) + "\n\n" + cps.get(1) + "  # unknown CP\n" + cps.get(2) + "\n");
        try (DriverRun driver = DriverRun.start("driver-services", SharedKafka.bootstrapServers(), driverId,
                "--services", services.toString(), "--pause-seconds", "1")) {
            assertThat(driver.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(driver.out.text()).contains("Service 1/3: " + cps.get(0) + " done",
                    "Service 2/3: " + cps.get(1) + " refused", "Service 3/3: " + cps.get(2) + " done",
                    "Services finished: 2 done, 1 refused, of 3");
            assertThat(driver.out.count("EV CHARGING SERVICE - TICKET")).isEqualTo(2);
        }
        var requests = central.received(MessageType.CHARGE_REQUEST.wire());
        assertThat(requests).extracting(r -> ((org.evcharging.api.message.driver.ChargeRequest) r.message()).cpId())
                .containsExactlyElementsOf(cps);
        for (int i = 1; i < 3; i++) {
            long gap = requests.get(i).nanos() - central.endedAt(cps.get(i - 1));
            assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        }
    }

    @Test
    void silentCentralIsReportedAndTheRequestRetriedUntilAnswered(@TempDir Path dir) throws Exception {
        String cp = TestAgents.uniqueCpId();
        central.plan(cp, Plan.SILENT);
        Path services = Files.writeString(dir.resolve("services.txt"), cp + "\n");
        try (DriverRun driver = DriverRun.start("driver-silent", SharedKafka.bootstrapServers(), driverId,
                "--services", services.toString(), "--answer-timeout", "1")) {
            org.awaitility.Awaitility.await().atMost(WAIT)
                    .until(() -> driver.out.count("Cannot connect to CENTRAL") >= 2);
            assertThat(driver.out.lines()).contains("Cannot connect to CENTRAL");
            central.plan(cp, Plan.FINISH);
            // Central answers each message id once, so the answer comes to the next resend.
            assertThat(driver.awaitExit(WAIT)).isZero();
            assertThat(driver.out.text()).contains("Services finished: 1 done, 0 refused, of 1");
        }
        var attempts = central.received(MessageType.CHARGE_REQUEST.wire());
        assertThat(attempts.size()).isGreaterThanOrEqualTo(3);
        assertThat(attempts).extracting(r -> r.message().messageId()).containsOnly(attempts.get(0).message().messageId());
    }
}
