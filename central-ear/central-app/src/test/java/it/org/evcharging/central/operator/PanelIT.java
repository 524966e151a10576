package it.org.evcharging.central.operator;

import static it.org.evcharging.central.operator.ScriptedCharge.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.Browser;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.FakeMonitor;
import it.org.evcharging.central.support.KafkaDriver;
import it.org.evcharging.central.support.SharedCentral;


import org.evcharging.api.message.Response;
import org.evcharging.api.message.monitor.FaultNotification;
import org.evcharging.api.message.monitor.StopCpCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The live panel in a real headless Chromium, against a real Central: a scripted CP goes
 * DISCONNECTED (pending) → ACTIVE (authorized from the page) → CHARGING (kWh rising, driver shown)
 * → FAULTY → STOPPED (stopped from the page, and the CP receives the command), and the feed shows
 * the request, the decision and the fault. The page is never reloaded.
 */
@ExtendWith(SharedCentral.class)
class PanelIT {

    private static final String CP = "cp_panel_1";
    private static CentralFixture system;
    private static AdminApi admin;

    @BeforeAll
    static void startSystem() throws Exception {
        system = SharedCentral.system();
        admin = new AdminApi(system.central().baseUri(), null);
    }

    @Test
    void theOperatorWatchesACpThroughEveryStateAndStopsItFromThePage() throws Exception {
        try (FakeMonitor cp = ScriptedCharge.pendingCp(system, CP);
             KafkaDriver driver = new KafkaDriver(system.kafka().bootstrapServers(), "driver_panel_1");
             Browser browser = Browser.desktop()) {
            signInAsOperator(browser);
            browser.driver().get(system.central().baseUri().resolve("/panel/").toString());

            awaitTile(browser, "DISCONNECTED", "grey");
            awaitText(browser, ".pending", "Pending authorization");
            browser.screenshot("panel-1-disconnected-pending");

            click(browser, "authorize");
            cp.await(org.evcharging.api.message.monitor.AuthResponse.class,
                    r -> org.evcharging.api.message.ReplyStatus.SUCCESS.equals(r.status()), WAIT);
            String shownOnce = browser.waiting(WAIT).until(d -> d.findElements(By.cssSelector(
                    "#action-result code[data-credential-for='" + CP + "']")).stream().map(WebElement::getText)
                    .filter(text -> !text.isBlank()).findFirst().orElse(null));
            assertThat(shownOnce).as("the credential, shown once to the operator").matches("[A-Za-z0-9_-]{43}");
            assertThat(admin.get("charging-points/" + CP).body()).doesNotContain(shownOnce);
            ScriptedCharge.activate(cp, CP);
            awaitTile(browser, "ACTIVE", "green");
            awaitText(browser, ".pending", null);
            browser.screenshot("panel-2-active");

            String sessionId = ScriptedCharge.startCharge(driver, cp, CP);
            ScriptedCharge.tick(cp, CP, sessionId, driver.id(), 1);
            awaitTile(browser, "CHARGING", "green");
            browser.waiting(WAIT).until(d -> kwh(browser) >= 0.01);
            double first = kwh(browser);
            for (int n = 2; n <= 4; n++) {
                ScriptedCharge.tick(cp, CP, sessionId, driver.id(), n);
            }
            browser.waiting(WAIT).until(d -> kwh(browser) >= 0.04);
            assertThat(kwh(browser)).isGreaterThan(first);
            awaitText(browser, ".driver", "Driver " + driver.id());
            awaitText(browser, ".eur b", "0.01");
            browser.waiting(WAIT).until(d -> !tile(browser).findElement(By.cssSelector(".kw b")).getText().equals("–"));
            browser.screenshot("panel-3-charging");

            cp.call(FaultNotification.of(CP, FaultNotification.ENGINE_CONNECTION_LOST), Response.class);
            awaitTile(browser, "FAULTY", "red");
            browser.screenshot("panel-4-faulty");

            click(browser, "stop");
            StopCpCommand stop = cp.await(StopCpCommand.class, c -> CP.equals(c.cpId()), WAIT);
            assertThat(stop.cpId()).isEqualTo(CP);
            awaitTile(browser, "STOPPED", "orange");
            awaitText(browser, ".state", "OUT OF ORDER");
            assertThat(admin.stateOf(CP)).isEqualTo("STOPPED");

            String feed = browser.driver().findElement(By.id("feed")).getText();
            assertThat(feed).contains("Driver " + driver.id() + " asks to charge at " + CP)
                    .contains("Accepted " + driver.id() + " at " + CP)
                    .contains("CP " + CP + " is FAULTY")
                    .contains("CP " + CP + " is STOPPED");
            browser.screenshot("panel-5-stopped");
        }
    }

    @Test
    void aCpAuthorizedAsLegacyFromThePageWearsTheBadgeAndGetsNoCredential() throws Exception {
        String legacyCp = "cp_panel_legacy";
        String tileCss = ".tile[data-cp='" + legacyCp + "']";
        try (FakeMonitor cp = ScriptedCharge.pendingCp(system, legacyCp); Browser browser = Browser.desktop()) {
            signInAsOperator(browser);
            browser.driver().get(system.central().baseUri().resolve("/panel/").toString());

            browser.waiting(WAIT).until(d -> {
                WebElement legacyBox = d.findElement(By.cssSelector(tileCss + " input[data-legacy-for='" + legacyCp + "']"));
                if (!legacyBox.isSelected()) {
                    legacyBox.click();
                }
                d.findElement(By.cssSelector(tileCss + " button[data-action='authorize']")).click();
                return true;
            });
            cp.await(org.evcharging.api.message.monitor.AuthResponse.class,
                    r -> org.evcharging.api.message.ReplyStatus.SUCCESS.equals(r.status()), WAIT);
            ScriptedCharge.activate(cp, legacyCp);

            browser.waiting(WAIT).until(d -> d.findElement(By.cssSelector(tileCss + " .legacy")).getText().equals("Legacy"));
            assertThat(browser.driver().findElements(By.cssSelector("#action-result code"))).as("no credential").isEmpty();
            var view = AdminApi.json(admin.get("charging-points/" + legacyCp));
            assertThat(view.path("legacy").asBoolean()).isTrue();
            assertThat(view.path("has_credential").asBoolean()).isFalse();
            browser.screenshot("panel-legacy-badge");
        }
    }

    @Test
    void theOperatorRevokesACpsPayloadKeyFromItsTileAndItsMonitorIsSentANewOne() throws Exception {
        String keyedCp = "cp_panel_paykey";
        String tileCss = ".tile[data-cp='" + keyedCp + "']";
        try (FakeMonitor cp = ScriptedCharge.pendingCp(system, keyedCp); Browser browser = Browser.desktop()) {
            assertThat(admin.post("charging-points/" + keyedCp + "/authorize").statusCode()).isEqualTo(200);
            var approval = cp.await(org.evcharging.api.message.monitor.AuthResponse.class, r -> r.key().isPresent(), WAIT);
            String oldKeyId = approval.key().orElseThrow().id();
            ScriptedCharge.activate(cp, keyedCp);
            signInAsOperator(browser);
            browser.driver().get(system.central().baseUri().resolve("/panel/").toString());

            browser.waiting(WAIT).until(d -> {
                d.findElement(By.cssSelector(tileCss + " button[data-action='revoke-payload-key']")).click();
                return true;
            });

            String result = browser.waiting(WAIT).until(d -> {
                String text = d.findElement(By.cssSelector("#action-result")).getText();
                return text.contains("new payload key") ? text : null;
            });
            var rekeyed = cp.await(org.evcharging.api.message.monitor.AuthResponse.class,
                    r -> r.key().isPresent() && !r.key().get().id().equals(oldKeyId), WAIT);
            assertThat(result).contains("revoke-payload-key " + keyedCp + ": done").contains(rekeyed.key().get().id());
            assertThat(AdminApi.json(admin.get("registry/charging-points/" + keyedCp)).path("payload_key_id").asText())
                    .isEqualTo(rekeyed.key().get().id());
            browser.screenshot("panel-payload-key-revoked");
        }
    }

    /** The browser sends the operator's credentials with every request, as after a basic-auth prompt. */
    private static void signInAsOperator(Browser browser) {
        browser.authorizing(AdminApi.basic(CentralFixture.OPERATOR_USER, CentralFixture.OPERATOR_PASSWORD));
    }

    /** Waits until the tile's {@code css} element shows {@code text}, or is absent when {@code text} is null. */
    private static void awaitText(Browser browser, String css, String text) {
        browser.waiting(WAIT).until(d -> {
            var found = tile(browser).findElements(By.cssSelector(css));
            return text == null ? found.isEmpty() : !found.isEmpty() && text.equals(found.get(0).getText());
        });
    }

    private static WebElement tile(Browser browser) {
        return browser.driver().findElement(By.cssSelector(".tile[data-cp='" + CP + "']"));
    }

    private static void awaitTile(Browser browser, String state, String colour) {
        browser.waiting(WAIT).until(d -> {
            var tiles = d.findElements(By.cssSelector(".tile[data-cp='" + CP + "']"));
            return !tiles.isEmpty() && state.equals(tiles.get(0).getAttribute("data-state"))
                    && tiles.get(0).getAttribute("class").contains(colour);
        });
    }

    private static void click(Browser browser, String action) {
        browser.waiting(WAIT).until(d -> {
            var buttons = d.findElements(By.cssSelector(".tile[data-cp='" + CP + "'] button[data-action='" + action + "']"));
            if (buttons.isEmpty()) {
                return false;
            }
            try {
                buttons.get(0).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false; // the tile was redrawn by a snapshot between find and click
            }
        });
    }

    private static double kwh(Browser browser) {
        var cells = browser.driver().findElements(By.cssSelector(".tile[data-cp='" + CP + "'] .kwh b"));
        try {
            return cells.isEmpty() ? 0 : Double.parseDouble(cells.get(0).getText());
        } catch (NumberFormatException | org.openqa.selenium.StaleElementReferenceException e) {
            return 0;
        }
    }
}
