package it.org.evcharging.central.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.Browser;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.FakeMonitor;
import it.org.evcharging.central.support.SharedCentral;

import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The attacks on the operators' side of Central, tried against a real Central: a foreign page's
 * form posting "stop all" with the operator's credentials, a viewer trying to act, a password
 * guessed again and again. Each fails, and the audit log — through the API and on the panel's
 * Audit tab in a real browser — shows each attempt with its actor, source, action and result.
 */
@ExtendWith(SharedCentral.class)
class OperatorSecurityIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LOCALHOST = "127.0.0.1";
    /** Where this machine's requests come from: the browser may reach "localhost" over IPv6. */
    private static final String[] LOOPBACK = {LOCALHOST, "0:0:0:0:0:0:0:1"};
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static CentralFixture system;
    private static AdminApi admin;

    @BeforeAll
    static void startSystem() {
        system = SharedCentral.system();
        admin = new AdminApi(system.central().baseUri(), null);
    }

    @Test
    void aForgedCrossSiteFormCannotStopTheNetworkAndTheAttemptIsAudited() throws Exception {
        String cpId = "cp_csrf_" + NEXT.incrementAndGet();
        try (FakeMonitor cp = ScriptedCharge.pendingCp(system, cpId)) {
            ScriptedCharge.authorizeAndActivate(admin, cp, cpId);
            await().atMost(WAIT).until(() -> "ACTIVE".equals(admin.stateOf(cpId)));

            // What a hidden form sends: form-encoded (or text/plain), with the operator's Basic credentials.
            HttpResponse<String> form = admin.send(admin.request("charging-points/all/stop")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("confirm=yes")));
            assertThat(form.statusCode()).isEqualTo(403);
            assertThat(AdminApi.json(form).path("message").asText()).contains("only JSON bodies");
            HttpResponse<String> text = admin.send(admin.request("commands").header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"stop\",\"target\":\"all\"}")));
            assertThat(text.statusCode()).isEqualTo(403);
            HttpResponse<String> foreign = admin.send(admin.request("charging-points/" + cpId + "/stop")
                    .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(foreign.statusCode()).isEqualTo(403);
            assertThat(AdminApi.json(foreign).path("message").asText()).contains("another origin (http://evil.example)");

            // The real thing: a page on another origin auto-submits the form in a browser holding the credentials.
            String landed = submitForgedFormInBrowser("charging-points/all/stop");
            assertThat(landed).contains("403").containsPattern("cross-site request refused|another origin");

            assertThat(admin.stateOf(cpId)).as("nothing stopped").isEqualTo("ACTIVE");
            JsonNode refusals = awaitAudit("action=csrf&actor=" + CentralFixture.OPERATOR_USER,
                    lines -> lines.size() >= 4);
            assertThat(refusals).allSatisfy(line -> {
                assertThat(line.path("source_ip").asText()).isIn((Object[]) LOOPBACK);
                assertThat(line.path("outcome").asText()).isEqualTo("REFUSED");
            });
            assertThat(refusals.findValuesAsText("parameters")).contains("POST /api/charging-points/all/stop",
                    "POST /api/commands", "POST /api/charging-points/" + cpId + "/stop");
            assertThat(refusals.findValuesAsText("detail")).anyMatch(d -> d.contains("only JSON bodies"))
                    .anyMatch(d -> d.contains("another origin (http://evil.example)"))
                    .as("the browser's forged form").anyMatch(d -> d.equals("cross-site request refused"));
        }
    }

    @Test
    void aViewerReadsEverythingButCannotActAndEachRefusalIsAudited() throws Exception {
        String cpId = "cp_viewer_" + NEXT.incrementAndGet();
        String viewerName = "it-viewer-" + NEXT.incrementAndGet();
        AdminApi viewer = account(viewerName, "viewer-secret", "viewer");
        try (FakeMonitor cp = ScriptedCharge.pendingCp(system, cpId)) {
            ScriptedCharge.authorizeAndActivate(admin, cp, cpId);
            await().atMost(WAIT).until(() -> "ACTIVE".equals(admin.stateOf(cpId)));

            for (String path : new String[] {"charging-points", "charging-points/" + cpId, "sessions", "statistics",
                    "panel/snapshot", "audit", "me"}) {
                assertThat(viewer.get(path).statusCode()).as(path).isEqualTo(200);
            }
            assertThat(AdminApi.json(viewer.get("me")).path("role").asText()).isEqualTo("viewer");
            assertThat(viewer.post("charging-points/" + cpId + "/stop").statusCode()).isEqualTo(403);
            assertThat(viewer.post("charging-points/all/stop").statusCode()).isEqualTo(403);
            assertThat(viewer.postJson("commands", "{\"action\":\"stop\",\"target\":\"" + cpId + "\"}").statusCode())
                    .isEqualTo(403);
            assertThat(viewer.postJson("accounts", "{\"username\":\"mallory\",\"password\":\"mallory-secret\","
                    + "\"role\":\"admin\"}").statusCode()).isEqualTo(403);
            assertThat(viewer.get("accounts").statusCode()).as("accounts are for admins").isEqualTo(403);
            assertThat(admin.stateOf(cpId)).isEqualTo("ACTIVE");

            // An operator acts on CPs but does not manage accounts.
            AdminApi operator = account("it-op-" + NEXT.incrementAndGet(), "operator-secret", "operator");
            assertThat(operator.post("charging-points/" + cpId + "/stop").statusCode()).isEqualTo(200);
            assertThat(operator.get("accounts").statusCode()).isEqualTo(403);
            assertThat(admin.stateOf(cpId)).isEqualTo("STOPPED");

            JsonNode refused = awaitAudit("outcome=REFUSED&actor=" + viewerName, lines -> lines.size() >= 5);
            assertThat(refused).allSatisfy(line -> {
                assertThat(line.path("source_ip").asText()).isEqualTo(LOCALHOST);
                assertThat(line.path("detail").asText()).containsPattern("403|role");
            });
            assertThat(String.join(" ", refused.findValuesAsText("action")) + " "
                    + String.join(" ", refused.findValuesAsText("parameters"))).contains("stop", "account");

            // The only admin cannot demote itself: nobody could manage accounts any more.
            HttpResponse<String> demoted = admin.send(admin.request("accounts/" + CentralFixture.OPERATOR_USER)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"viewer\"}")));
            assertThat(demoted.statusCode()).isEqualTo(409);
            assertThat(AdminApi.json(demoted).path("message").asText()).contains("last enabled admin");

            // Disabled by an admin, the viewer is out at once.
            assertThat(admin.send(admin.request("accounts/" + viewerName).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}"))).statusCode()).isEqualTo(200);
            assertThat(viewer.get("charging-points").statusCode()).isEqualTo(401);
            JsonNode changes = awaitAudit("action=account.change&actor=" + CentralFixture.OPERATOR_USER,
                    lines -> lines.findValuesAsText("parameters").contains("username=" + viewerName + " enabled=false"));
            assertThat(changes.get(0).path("outcome").asText()).isEqualTo("DONE");
        }
    }

    @Test
    void repeatedWrongPasswordsAreRefusedForAWhileEvenWithTheRightOneAndAudited() throws Exception {
        String name = "it-guessed-" + NEXT.incrementAndGet();
        AdminApi owner = account(name, "guessed-secret", "operator");
        AdminApi guesser = new AdminApi(system.central().baseUri(), AdminApi.basic(name, "wrong-guess"));

        guessUntilLocked(guesser);
        HttpResponse<String> locked = owner.get("charging-points");
        assertThat(locked.statusCode()).as("the right password, while locked").isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(admin.get("charging-points").statusCode()).as("other accounts sign in").isEqualTo(200);

        JsonNode signIns = awaitAudit("action=signin&outcome=REFUSED&actor=" + name,
                lines -> lines.findValuesAsText("detail").stream().anyMatch(d -> d.startsWith("rate limited")));
        assertThat(signIns.findValuesAsText("detail")).filteredOn(d -> d.startsWith("wrong username or password"))
                .hasSize(CentralFixture.SIGN_IN_FAILURES_ALLOWED);
        assertThat(signIns.findValuesAsText("source_ip")).containsOnly(LOCALHOST);

        await("lockout over").atMost(CentralFixture.SIGN_IN_LOCKOUT.plus(WAIT)).pollInterval(Duration.ofMillis(500))
                .until(() -> owner.get("charging-points").statusCode() == 200);
    }

    @Test
    void theAuditApiPagesNewestFirstFiltersByTimeAndRefusesBadFilters() throws Exception {
        // At least the first admin's creation and its sign-in are there.
        awaitAudit("", lines -> lines.size() >= 2);
        Instant now = Instant.now();
        JsonNode first = AdminApi.json(admin.get("audit?limit=2&from=" + now.minus(Duration.ofHours(1)) + "&to="
                + now.plus(Duration.ofHours(1))));
        assertThat(first.path("entries")).hasSize(2);
        assertThat(first.path("next_offset").asInt()).isEqualTo(2);
        long newest = first.path("entries").get(0).path("id").asLong();
        long older = first.path("entries").get(1).path("id").asLong();
        assertThat(Instant.parse(first.path("entries").get(0).path("at").asText()))
                .isAfterOrEqualTo(Instant.parse(first.path("entries").get(1).path("at").asText()));
        JsonNode second = AdminApi.json(admin.get("audit?limit=2&offset=2"));
        assertThat(second.path("entries").findValues("id")).extracting(JsonNode::asLong).doesNotContain(newest, older);
        assertThat(AdminApi.json(admin.get("audit?from=" + now.plus(Duration.ofHours(1)))).path("entries")).isEmpty();

        HttpResponse<String> badOutcome = admin.get("audit?outcome=maybe");
        assertThat(badOutcome.statusCode()).isEqualTo(400);
        assertThat(AdminApi.json(badOutcome).path("message").asText()).contains("DONE or REFUSED");
        assertThat(admin.get("audit?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(admin.get("audit?limit=100000").statusCode()).isEqualTo(400);
    }

    @Test
    void everyPageAndAnswerCarriesTheSecurityHeaders() throws Exception {
        AdminApi anonymous = AdminApi.anonymous(system.central().baseUri());
        for (HttpResponse<String> response : List.of(admin.send(admin.request("../panel/").GET()),
                admin.send(admin.request("../panel/panel.js").GET()), admin.get("charging-points"),
                admin.get("charging-points/cp_nobody"), anonymous.get("charging-points"))) {
            var headers = response.headers();
            assertThat(headers.firstValue("X-Frame-Options")).as(response.uri().toString()).contains("DENY");
            assertThat(headers.firstValue("Content-Security-Policy").orElse(""))
                    .contains("frame-ancestors 'none'", "script-src 'self'");
            assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
        }
    }

    @Test
    void thePanelsAuditTabShowsTheAttemptsAndAViewersPanelHasNoActions() throws Exception {
        String viewerName = "it-panel-viewer-" + NEXT.incrementAndGet();
        AdminApi viewer = account(viewerName, "viewer-secret", "viewer");
        assertThat(viewer.post("charging-points/all/stop").statusCode()).isEqualTo(403);
        assertThat(admin.send(admin.request("charging-points/all/resume").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x"))).statusCode()).isEqualTo(403);
        String guessed = "it-panel-guessed-" + NEXT.incrementAndGet();
        account(guessed, "guessed-secret", "viewer");
        guessUntilLocked(new AdminApi(system.central().baseUri(), AdminApi.basic(guessed, "wrong-guess")));

        try (Browser browser = Browser.desktop()) {
            signIn(browser, CentralFixture.OPERATOR_USER, CentralFixture.OPERATOR_PASSWORD);
            browser.driver().get(system.central().baseUri().resolve("/panel/").toString());
            browser.waiting(WAIT).until(d -> d.findElement(By.id("signed-in")).getText()
                    .equals(CentralFixture.OPERATOR_USER + " (admin)"));
            browser.driver().findElement(By.id("tab-audit")).click();

            List<String> csrf = auditRows(browser, "csrf", row -> row.contains("POST /api/charging-points/all/resume"));
            assertThat(csrf).anySatisfy(row -> assertThat(row).contains(CentralFixture.OPERATOR_USER, LOCALHOST,
                    "REFUSED", "only JSON bodies"));
            browser.screenshot("panel-audit-csrf");

            List<String> signIns = auditRows(browser, "signin", row -> row.contains(guessed) && row.contains("rate limited"));
            assertThat(signIns).anySatisfy(row -> assertThat(row).contains(guessed, LOCALHOST, "signin", "REFUSED",
                    "wrong username or password"));

            List<String> forbidden = auditRows(browser, "", row -> row.contains(viewerName) && row.contains("403"));
            assertThat(forbidden).anySatisfy(row -> assertThat(row).contains(viewerName, LOCALHOST, "REFUSED",
                    "all"));
            browser.screenshot("panel-audit-all");
        }

        try (Browser browser = Browser.desktop()) {
            signIn(browser, viewerName, "viewer-secret");
            browser.driver().get(system.central().baseUri().resolve("/panel/").toString());
            browser.waiting(WAIT).until(d -> d.findElement(By.id("signed-in")).getText().equals(viewerName + " (viewer)"));
            assertThat(browser.driver().findElements(By.cssSelector("button[data-action]")))
                    .as("a viewer's panel offers no actions").noneMatch(WebElement::isDisplayed);
        }
    }

    /** Creates an account through the admin API and returns a client signed in as it. */
    private static AdminApi account(String username, String password, String role) throws Exception {
        HttpResponse<String> created = admin.postJson("accounts",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(AdminApi.json(created).path("role").asText()).isEqualTo(role);
        assertThat(created.body()).doesNotContain(password);
        return new AdminApi(system.central().baseUri(), AdminApi.basic(username, password));
    }

    /** Wrong passwords up to the allowed number (401 each), then the account is refused (429). */
    private static void guessUntilLocked(AdminApi guesser) throws Exception {
        for (int n = 0; n < CentralFixture.SIGN_IN_FAILURES_ALLOWED; n++) {
            assertThat(guesser.get("charging-points").statusCode()).as("guess %d", n + 1).isEqualTo(401);
        }
        assertThat(guesser.get("charging-points").statusCode()).isEqualTo(429);
    }

    /** The audit entries matching {@code query}, newest first, once {@code ready} holds (they are written asynchronously). */
    private static JsonNode awaitAudit(String query, Predicate<JsonNode> ready) {
        List<JsonNode> found = new ArrayList<>();
        await("audit " + query).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> page = admin.get("audit?limit=500&" + query);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode entries = AdminApi.json(page).path("entries");
            found.clear();
            found.add(entries);
            return ready.test(entries);
        });
        return found.get(0);
    }

    /** Filters the Audit tab by {@code action} and waits for a row matching {@code wanted}; returns the rows' text. */
    private static List<String> auditRows(Browser browser, String action, Predicate<String> wanted) {
        WebElement field = browser.driver().findElement(By.cssSelector("#audit-filters input[name='action']"));
        field.clear();
        field.sendKeys(action);
        browser.driver().findElement(By.cssSelector("#audit-filters button[type='submit']")).click();
        List<String> rows = new ArrayList<>();
        browser.waiting(WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            rows.clear();
            d.findElements(By.cssSelector("#audit tbody tr")).forEach(row -> rows.add(row.getText()));
            if (rows.stream().noneMatch(wanted)) {
                d.findElement(By.cssSelector("#audit-filters button[type='submit']")).click();
                return false;
            }
            return true;
        });
        return rows;
    }

    /** The browser sends these credentials with every request, as after a basic-auth prompt (to any site). */
    private static void signIn(Browser browser, String user, String password) {
        browser.driver().executeCdpCommand("Network.enable", Map.of());
        browser.driver().executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", AdminApi.basic(user, password))));
    }

    /**
     * Serves a page on another origin that auto-submits a form to Central's {@code apiPath}, opens it
     * in a browser that holds the operator's credentials, and returns the page the form landed on.
     */
    private static String submitForgedFormInBrowser(String apiPath) throws Exception {
        String target = system.central().baseUri().resolve("/api/" + apiPath).toString();
        String page = "<!DOCTYPE html><html><body><form id='f' method='POST' action='" + target + "'>"
                + "<input name='confirm' value='" + URLEncoder.encode("yes", StandardCharsets.UTF_8) + "'></form>"
                + "<script>document.getElementById('f').submit();</script></body></html>";
        HttpServer evil = HttpServer.create(new InetSocketAddress(LOCALHOST, 0), 0);
        evil.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        evil.start();
        try (Browser browser = Browser.desktop()) {
            signIn(browser, CentralFixture.OPERATOR_USER, CentralFixture.OPERATOR_PASSWORD);
            browser.driver().get("http://" + LOCALHOST + ":" + evil.getAddress().getPort() + "/");
            browser.waiting(WAIT).until(d -> d.getCurrentUrl().startsWith(target));
            browser.waiting(WAIT).until(d -> d.getPageSource().contains("Forbidden"));
            browser.screenshot("forged-form-refused");
            return browser.driver().getPageSource();
        } finally {
            evil.stop(0);
        }
    }
}
