package it.org.evcharging.central.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.org.evcharging.central.support.Browser;
import it.org.evcharging.central.support.SharedCentral;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Driver accounts and the portal's defences, in real Chromium against the real portal, Central
 * (which keeps the accounts), broker and CP agents: sign-up, a taken id, a wrong password, the
 * sign-in limit, a driver trying to stop another driver's charge (from the page and by a forged
 * request), and the headers and cookies every response carries.
 */
@ExtendWith(SharedCentral.class)
class PortalSecurityIT {

    private static final Duration WAIT = DriverPages.WAIT;
    /** Long enough that only a stop, never the CP's maximum, ends the charge under attack. */
    private static final int MAX_CHARGE_SECONDS = 120;
    private static PortalSystem system;
    // HTTP/1.1 as browsers send it in clear; Liberty never answers an h2c upgrade of the welcome page.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startSystem() throws Exception {
        system = PortalSystem.start(1, "SCP", MAX_CHARGE_SECONDS);
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
    void aDriverSignsUpWithAChosenIdAndPasswordAndAnIdWithAnAccountCannotBeTaken() throws Exception {
        try (DriverPages sue = desktop(); DriverPages impostor = desktop()) {
            sue.submitSignUp("sue", "sue-secret-1", "sue-secret-1");
            sue.browser().waiting(WAIT).until(ExpectedConditions.urlContains("charging-points"));
            sue.awaitLive();
            assertThat(sue.signedInDriver()).isEqualTo("sue");

            impostor.submitSignUp("sue", "mine-now-123", "mine-now-123");
            assertThat(impostor.awaitError()).isEqualTo("The driver id sue is already taken: choose another one, or sign in");
            impostor.browser().screenshot("portal-sign-up-taken");
            impostor.submitSignUp("sue_2", "short", "short");
            assertThat(impostor.awaitError()).isEqualTo("Choose a password of at least 8 characters");
            impostor.submitSignUp("sue_2", "long-enough-1", "long-enough-2");
            assertThat(impostor.awaitError()).isEqualTo("The two passwords differ.");

            // The original password still opens the account, in another browser too.
            impostor.submitSignIn("sue", "sue-secret-1", null);
            impostor.browser().waiting(WAIT).until(ExpectedConditions.urlContains("charging-points"));
            assertThat(impostor.signedInDriver()).isEqualTo("sue");
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndNoPageOpensWithoutSigningIn() throws Exception {
        try (DriverPages walt = desktop()) {
            walt.signIn("walt", null);
            walt.signOut();

            walt.browser().driver().get(system.portalBase().resolve("/live-session.xhtml").toString());
            walt.browser().waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin:driverId")));
            assertThat(walt.browser().driver().findElements(By.id("session"))).isEmpty();

            walt.submitSignIn("walt", "not-walts-password", null);
            assertThat(walt.awaitError()).isEqualTo("Wrong driver id or password.");
            walt.submitSignIn("nobody_here", "whatever-123", null);
            assertThat(walt.awaitError()).as("an unknown id gets the same words").isEqualTo("Wrong driver id or password.");
            walt.browser().screenshot("portal-wrong-password");
            assertThat(walt.browser().driver().findElements(By.id("driver-id"))).isEmpty();
        }
    }

    @Test
    void afterRepeatedFailuresEvenTheRightPasswordIsHeldBackWithAClearMessage() throws Exception {
        try (DriverPages rita = desktop()) {
            rita.signIn("rita", null);
            rita.signOut();
            for (int attempt = 1; attempt <= 5; attempt++) {
                rita.submitSignIn("rita", "guess-" + attempt, null);
                assertThat(rita.awaitError()).isEqualTo("Wrong driver id or password.");
            }

            rita.submitSignIn("rita", DriverPages.passwordOf("rita"), null);
            assertThat(rita.awaitError()).matches("Too many failed sign-ins\\. Try again in \\d+ s\\.");
            rita.browser().screenshot("portal-sign-in-limited");
            assertThat(rita.browser().driver().getCurrentUrl()).doesNotContain("charging-points");
        }
    }

    @Test
    void aDriverCannotStopAnotherDriversSessionFromThePageNorByAForgedRequest() throws Exception {
        try (DriverPages vic = desktop(); DriverPages mal = desktop()) {
            vic.signIn("vic", null);
            mal.signIn("mal", null);
            vic.chargeAt(system.cp(1));
            vic.awaitKwhAbove(0, WAIT);
            String vicSession = vic.text("session-id");

            // In their own browser, mal adds the victim's ids to the stop form and sends it.
            mal.open("live-session.xhtml");
            mal.script("var form = document.getElementById('stop');"
                    + "[['stop:go', 'Stop charging'], ['driverId', 'vic'], ['driver_id', 'vic'], ['stop:driverId', 'vic'],"
                    + " ['sessionId', '" + vicSession + "'], ['session_id', '" + vicSession + "']].forEach(function (f) {"
                    + "  var input = document.createElement('input'); input.type = 'hidden'; input.name = f[0]; input.value = f[1];"
                    + "  form.appendChild(input); });"
                    + "form.submit();");
            assertThat(mal.awaitError()).isEqualTo("There is no charge to stop.");

            // A request replaying the victim's own form (its view state) with mal's cookies, or with none.
            String vicViewState = (String) vic.script(
                    "return document.querySelector('#stop input[name=\"jakarta.faces.ViewState\"]').value;");
            String form = "stop=stop&stop%3Ago=Stop+charging&stop_SUBMIT=1&jakarta.faces.ViewState="
                    + URLEncoder.encode(vicViewState, StandardCharsets.UTF_8);
            HttpResponse<String> withMalsCookies = post("/live-session.xhtml", form, cookiesOf(mal));
            assertThat(withMalsCookies.body()).as("refused: that view state is not in mal's session")
                    .contains("This page has expired").contains("nothing was done");
            HttpResponse<String> withoutCookies = post("/live-session.xhtml", form, "");
            assertThat(withoutCookies.statusCode()).as("sent to sign in").isEqualTo(302);
            assertThat(withoutCookies.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/index.xhtml"));

            // The victim's charge goes on: readings keep coming and no ticket appears.
            double before = vic.number("session-kwh");
            await("vic's charge goes on").during(Duration.ofSeconds(3)).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> !vic.browser().driver().findElement(By.id("ticket")).isDisplayed());
            vic.awaitKwhAbove(before, WAIT);
            assertThat(vic.text("session-id")).isEqualTo(vicSession);

            // Only the driver themself can stop it.
            vic.stop();
            vic.awaitTicket(WAIT);
            assertThat(vic.text("ticket-ended")).isEqualTo("Stopped by the driver");
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndTheCookiesAreHttpOnlyAndSameSiteStrict() throws Exception {
        for (String path : List.of("/", "/sign-up.xhtml", "/jakarta.faces.resource/js/portal.js.xhtml",
                "/jakarta.faces.resource/css/portal.css.xhtml", "/no-such-page.xhtml")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(system.portalBase().resolve(path)).timeout(WAIT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'", "script-src 'self'"));
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
        }
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(system.portalBase().resolve("/")).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().satisfies(c -> assertThat(c).contains("HttpOnly", "SameSite=Strict"));

        try (DriverPages tess = desktop()) {
            tess.signIn("tess", null);
            for (Cookie cookie : tess.browser().driver().manage().getCookies()) {
                if (cookie.getName().equals("JSESSIONID") || cookie.getName().startsWith("LtpaToken")) {
                    assertThat(cookie.isHttpOnly()).as(cookie.getName()).isTrue();
                    assertThat(cookie.getSameSite()).as(cookie.getName()).isEqualTo("Strict");
                }
            }
            // The live page works under the policy: its pushed list arrived (awaitLive) and shows the CP.
            tess.awaitAvailable(system.cp(1));
        }
    }

    private HttpResponse<String> post(String path, String form, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(system.portalBase().resolve(path)).timeout(WAIT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookiesOf(DriverPages pages) {
        return pages.browser().driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

}
