package it.org.evcharging.central.portal;

import static org.assertj.core.api.Assertions.assertThat;

import it.org.evcharging.central.support.Browser;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.LibertyServerProcess;
import it.org.evcharging.central.support.SharedCentral;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The driver portal in a real headless Chromium against the real portal server, Central, broker
 * and CP agent processes. Screenshots of each page land in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedCentral.class)
@Order(Order.DEFAULT + 1) // stops and restarts the shared Central in its last test: after the classes that only use it
class DriverPortalIT {

    private static final Duration WAIT = DriverPages.WAIT;
    private static final Duration CHARGE_END = Duration.ofSeconds(PortalSystem.MAX_CHARGE_SECONDS + 20);
    private static PortalSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = PortalSystem.start(2);
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    private static DriverPages desktop() throws Exception {
        return new DriverPages(Browser.desktop(), system);
    }

    @Test
    @Order(1)
    void aDriverSignsInRequestsAChargeWatchesItLiveStopsItAndGetsTheTicket() throws Exception {
        try (DriverPages ana = desktop()) {
            ana.signIn("ana", "portal-login");
            ana.awaitAvailable(system.cp(1));
            assertThat(ana.text("cp-list")).contains(system.cp(1), "Test bay", "0.250 EUR/kWh", "Active");
            ana.browser().screenshot("portal-charging-points");

            ana.chargeAt(system.cp(1));
            ana.script("window.sameDocument = true;");
            ana.awaitStep("Request sent", WAIT);
            ana.awaitStep("Accepted by Central", WAIT);
            ana.awaitStep("Charging started", WAIT);
            ana.awaitKwhAbove(0, WAIT);
            double first = ana.number("session-kwh");
            String elapsedBefore = ana.text("session-elapsed");
            ana.awaitKwhAbove(first, WAIT);
            ana.browser().waiting(WAIT).until(d -> !ana.text("session-elapsed").equals(elapsedBefore));
            assertThat(ana.number("session-kw")).isPositive();
            assertThat(ana.number("session-cost")).isGreaterThanOrEqualTo(0);
            // Live without a refresh: the document that saw the first reading is still the one shown.
            assertThat(ana.script("return window.sameDocument === true;")).isEqualTo(true);
            ana.browser().screenshot("portal-live-session");
            printPushLatency(ana.pushLatencies());

            double beforeStop = ana.number("session-kwh");
            ana.stop();
            ana.awaitTicket(WAIT);
            assertThat(ana.text("ticket-cp")).isEqualTo(system.cp(1));
            assertThat(ana.text("ticket-ended")).isEqualTo("Stopped by the driver");
            assertThat(Double.parseDouble(ana.text("ticket-kwh"))).isGreaterThanOrEqualTo(beforeStop);
            String sessionId = ana.text("ticket-session");
            ana.browser().screenshot("portal-ticket");

            ana.open("history.xhtml");
            ana.browser().waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#history-list tr[data-session='" + sessionId + "']")));
            ana.browser().screenshot("portal-history");
        }
    }

    private static void printPushLatency(List<Number> latencies) {
        assertThat(latencies).as("readings pushed while watching").isNotEmpty();
        List<Long> sorted = latencies.stream().map(Number::longValue).sorted().toList();
        System.out.printf("[timing] push Kafka record (Central's produce time) -> DOM shows it: n=%d, median %d ms, max %d ms%n",
                sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }

    @Test
    @Order(2)
    void aRefusedRequestShowsCentralsReason() throws Exception {
        try (DriverPages bob = desktop()) {
            bob.signIn("bob", null);
            bob.requestTyped("NOWHERE9");
            String refusal = bob.awaitStep("Refused", WAIT);
            assertThat(refusal).contains("Charging point NOWHERE9 not registered");
            assertThat(bob.text("session-stage")).isEqualTo("Refused");
            assertThat(bob.browser().driver().findElement(By.id("stop")).isDisplayed()).isFalse();
            bob.browser().screenshot("portal-refused");
        }
    }

    @Test
    @Order(3)
    void twoDriversInTwoBrowsersNeverSeeEachOthersDataWhileOneDriverMaySignInTwice() throws Exception {
        try (DriverPages bea = desktop(); DriverPages carl = desktop();
             DriverPages beaPhone = new DriverPages(Browser.phone(), system)) {
            bea.signIn("bea", null);
            carl.signIn("carl", null);
            bea.chargeAt(system.cp(1));
            carl.chargeAt(system.cp(2));
            bea.awaitKwhAbove(0, WAIT);
            carl.awaitKwhAbove(0, WAIT);
            String beaSession = bea.text("session-id");
            String carlSession = carl.text("session-id");
            assertThat(beaSession).isNotBlank().isNotEqualTo(carlSession);

            beaPhone.signIn("bea", null);
            beaPhone.open("live-session.xhtml");
            beaPhone.awaitKwhAbove(0, WAIT);
            assertThat(beaPhone.text("session-id")).isEqualTo(beaSession);
            beaPhone.browser().screenshot("portal-phone-live-session");

            carl.stop();
            carl.awaitTicket(WAIT);
            bea.stop();
            bea.awaitTicket(WAIT);
            beaPhone.awaitTicket(WAIT);
            assertThat(bea.text("session-cp")).isEqualTo(system.cp(1));
            assertThat(carl.text("session-cp")).isEqualTo(system.cp(2));
            for (DriverPages page : List.of(bea, beaPhone)) {
                page.open("history.xhtml");
                page.browser().waiting(WAIT).until(d -> page.text("history-list").contains(beaSession));
                assertThat(page.pageSource()).doesNotContain(carlSession);
                assertThat(page.signedInDriver()).isEqualTo("bea");
            }
            carl.open("history.xhtml");
            carl.browser().waiting(WAIT).until(d -> carl.text("history-list").contains(carlSession));
            assertThat(carl.pageSource()).doesNotContain(beaSession);
            assertThat(carl.signedInDriver()).isEqualTo("carl");
        }
    }

    @Test
    @Order(4)
    void aDriverWhoClosedTheBrowserMidChargeFindsTheResultWhenBack() throws Exception {
        String sessionId;
        try (DriverPages dan = desktop()) {
            dan.signIn("dan", null);
            dan.chargeAt(system.cp(1));
            dan.awaitKwhAbove(0, WAIT);
            sessionId = dan.text("session-id");
        }
        try (DriverPages danAgain = desktop()) {
            danAgain.signIn("dan", null);
            danAgain.open("live-session.xhtml");
            assertThat(danAgain.text("session-id")).isEqualTo(sessionId);
            danAgain.awaitTicket(CHARGE_END);
            assertThat(danAgain.text("ticket-session")).isEqualTo(sessionId);
            assertThat(danAgain.text("ticket-ended")).isEqualTo("Maximum charging time reached");
        }
    }

    @Test
    @Order(5)
    void aServiceListRunsOneAfterAnotherWithAPauseAfterEachEnding() throws Exception {
        try (DriverPages eve = new DriverPages(Browser.phone(), system)) {
            eve.signIn("eve", null);
            eve.open("service-list.xhtml");
            eve.browser().driver().findElement(By.id("services:cpIds")).sendKeys("NOWHERE7\n" + system.cp(2) + "\n");
            eve.browser().driver().findElement(By.id("services:go")).click();
            eve.awaitLive();
            By first = By.cssSelector("#service-items li.failed[data-cp='NOWHERE7']");
            eve.browser().waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(first));
            long refusedAt = System.nanoTime();
            eve.browser().waiting(WAIT).until(d -> eve.text("service-summary").contains("1 of 2 done"));
            eve.browser().screenshot("portal-service-list");
            By second = By.cssSelector("#service-items li.running[data-cp='" + system.cp(2) + "']");
            eve.browser().waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(second));
            long pauseMs = (System.nanoTime() - refusedAt) / 1_000_000;
            System.out.printf("[timing] service list: next service started %d ms after the previous one ended%n", pauseMs);
            assertThat(pauseMs).isGreaterThanOrEqualTo(3000);
            eve.browser().waiting(CHARGE_END).until(d -> eve.text("service-summary").contains("All 2 services done"));
            assertThat(eve.text("service-items")).contains("Refused", "kWh");
            eve.browser().screenshot("portal-service-list-done");
        }
    }

    @Test
    @Order(6)
    void anotherPortalInstanceShowsTheSameDriverEverythingButReplaysNoHistory() throws Exception {
        try (LibertyServerProcess second = system.startAnotherPortal("portal-2");
             DriverPages gusHere = desktop(); DriverPages gusThere = new DriverPages(Browser.desktop(), second.baseUri());
             DriverPages anaThere = new DriverPages(Browser.desktop(), second.baseUri())) {
            // Ana charged before this instance started: nothing of it is replayed as live.
            anaThere.signIn("ana", null);
            anaThere.open("live-session.xhtml");
            assertThat(anaThere.browser().driver().findElement(By.id("session-none")).isDisplayed()).isTrue();

            gusHere.signIn("gus", null);
            gusThere.signIn("gus", null);
            gusHere.chargeAt(system.cp(1));
            gusHere.awaitKwhAbove(0, WAIT);
            gusThere.open("live-session.xhtml");
            gusThere.awaitKwhAbove(0, WAIT);
            assertThat(gusThere.text("session-id")).isEqualTo(gusHere.text("session-id"));

            gusThere.stop();
            gusThere.awaitTicket(WAIT);
            gusHere.awaitTicket(WAIT);
            assertThat(gusHere.text("ticket-session")).isEqualTo(gusThere.text("ticket-session"));
            assertThat(gusHere.text("ticket-ended")).isEqualTo("Stopped by the driver");
        }
    }

    @Test
    @Order(7)
    void whenCentralStopsThePortalSaysItCannotConnectAndRecoversWhenCentralIsBack() throws Exception {
        try (DriverPages fay = desktop()) {
            fay.signIn("fay", null);
            By banner = By.id("central-status");
            assertThat(fay.browser().driver().findElement(banner).isDisplayed()).isFalse();
            system.central().central().stop(Duration.ofSeconds(30));
            long stoppedAt = System.nanoTime();
            fay.browser().waiting(WAIT).until(ExpectedConditions.textToBe(banner, "Cannot connect to CENTRAL"));
            System.out.printf("[timing] 'Cannot connect to CENTRAL' shown %d ms after Central stopped%n",
                    (System.nanoTime() - stoppedAt) / 1_000_000);
            fay.browser().screenshot("portal-central-down");

            system.central().central().startAndAwaitReady(CentralFixture.START_TIMEOUT);
            long backAt = System.nanoTime();
            fay.browser().waiting(Duration.ofSeconds(60)).until(ExpectedConditions.invisibilityOfElementLocated(banner));
            System.out.printf("[timing] portal recovered %d ms after Central was ready again%n",
                    (System.nanoTime() - backAt) / 1_000_000);
            fay.awaitAvailable(system.cp(1));
        }
    }
}
