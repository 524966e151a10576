package it.org.evcharging.central.portal;

import it.org.evcharging.central.support.Browser;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** One browser on the driver portal, driven the way a driver would: forms, buttons, what the page shows. */
final class DriverPages implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    /** Drivers signed up in this run: accounts outlive browsers and portal instances. */
    private static final Set<String> SIGNED_UP = ConcurrentHashMap.newKeySet();

    private final Browser browser;
    private final URI portal;

    DriverPages(Browser browser, PortalSystem system) {
        this(browser, system.portalBase());
    }

    /** A browser on a given portal instance. */
    DriverPages(Browser browser, URI portal) {
        this.browser = browser;
        this.portal = portal;
    }

    Browser browser() {
        return browser;
    }

    void open(String page) {
        browser.driver().get(portal.resolve(page).toString());
        awaitLive();
    }

    /**
     * Signs in from the start page with the driver's test password, signing the driver up first the
     * first time this run meets them (accounts live in the shared Central, for every portal);
     * {@code screenshot} names a shot of the filled sign-in form, or null.
     */
    void signIn(String driverId, String screenshot) throws IOException {
        if (SIGNED_UP.add(driverId)) {
            submitSignUp(driverId, passwordOf(driverId), passwordOf(driverId));
            browser.waiting(WAIT).until(ExpectedConditions.urlContains("charging-points"));
            signOut();
        }
        submitSignIn(driverId, passwordOf(driverId), screenshot);
        browser.waiting(WAIT).until(ExpectedConditions.urlContains("charging-points"));
        awaitLive();
    }

    /** The password every test driver gets at sign-up. */
    static String passwordOf(String driverId) {
        return "pw-" + driverId + "-2026";
    }

    /** Fills and sends the start page's form; what the page then shows is the caller's to check. */
    void submitSignIn(String driverId, String password, String screenshot) throws IOException {
        browser.driver().get(portal.resolve("/").toString());
        browser.driver().findElement(By.id("signin:driverId")).sendKeys(driverId);
        browser.driver().findElement(By.id("signin:password")).sendKeys(password);
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
        browser.driver().findElement(By.id("signin:go")).click();
    }

    /** Fills and sends the sign-up form, reached from the start page's link. */
    void submitSignUp(String driverId, String password, String again) {
        browser.driver().get(portal.resolve("/").toString());
        browser.driver().findElement(By.id("signup-link")).click();
        browser.waiting(WAIT).until(ExpectedConditions.urlContains("sign-up"));
        browser.driver().findElement(By.id("signup:driverId")).sendKeys(driverId);
        browser.driver().findElement(By.id("signup:password")).sendKeys(password);
        browser.driver().findElement(By.id("signup:confirmation")).sendKeys(again);
        browser.driver().findElement(By.id("signup:go")).click();
    }

    void signOut() {
        browser.driver().findElement(By.id("signout:go")).click();
        browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin:driverId")));
    }

    /** The page's error messages, once one shows. */
    String awaitError() {
        return browser.waiting(WAIT).until(d -> {
            String shown = d.findElements(By.cssSelector("#messages li.error, .error")).stream()
                    .map(WebElement::getText).filter(t -> !t.isBlank()).findFirst().orElse(null);
            return shown;
        });
    }

    /** Waits until the push stream has delivered the first snapshot. */
    void awaitLive() {
        browser.waiting(WAIT).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));
    }

    WebElement awaitAvailable(String cpId) {
        return browser.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#cp-list li.green[data-cp='" + cpId + "'] button.charge")));
    }

    /** Clicks "Charge here"; the live list may redraw between finding the button and clicking it. */
    void chargeAt(String cpId) {
        awaitAvailable(cpId);
        browser.waiting(WAIT).until(d -> {
            awaitAvailable(cpId).click();
            return true;
        });
        browser.waiting(WAIT).until(ExpectedConditions.urlContains("live-session"));
        awaitLive();
    }

    void requestTyped(String cpId) {
        browser.driver().findElement(By.id("request:cpId")).sendKeys(cpId);
        browser.driver().findElement(By.id("request:go")).click();
        browser.waiting(WAIT).until(ExpectedConditions.urlContains("live-session"));
        awaitLive();
    }

    /** The element's text; a live redraw between finding and reading it is read again. */
    String text(String id) {
        return browser.waiting(WAIT).until(d -> d.findElement(By.id(id)).getText());
    }

    /** Who the page says is signed in, also where a narrow screen hides it. */
    String signedInDriver() {
        return browser.driver().findElement(By.id("driver-id")).getDomProperty("textContent");
    }

    double number(String id) {
        String value = text(id);
        return value.isBlank() ? 0 : Double.parseDouble(value);
    }

    /** Waits for a step of the live session whose text contains {@code fragment}; returns its text. */
    String awaitStep(String fragment, Duration timeout) {
        // Steps are redrawn as they come: a row read mid-redraw is simply read again.
        return browser.waiting(timeout).until(d -> d.findElements(By.cssSelector("#steps li")).stream()
                .map(WebElement::getText).filter(t -> t.contains(fragment)).findFirst().orElse(null));
    }

    void awaitKwhAbove(double kwh, Duration timeout) {
        browser.waiting(timeout).until(d -> number("session-kwh") > kwh);
    }

    void stop() {
        browser.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(By.id("stop:go"))).click();
    }

    void awaitTicket(Duration timeout) {
        browser.waiting(timeout).until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket")));
    }

    String pageSource() {
        return browser.driver().getPageSource();
    }

    Object script(String js) {
        return ((JavascriptExecutor) browser.driver()).executeScript(js);
    }

    @SuppressWarnings("unchecked")
    List<Number> pushLatencies() {
        return (List<Number>) script("return window.portalPushLatencies || [];");
    }

    @Override
    public void close() {
        browser.close();
    }
}
