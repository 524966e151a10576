package org.evcharging.agent.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.evcharging.agent.CommandContext;
import org.evcharging.agent.Main;
import org.junit.jupiter.api.Test;

/** The admin console driven by piped input, in-process through {@link Main#run}, against a fake admin API. */
class AdminConsoleTest {

    private static final String CPS = """
            [{"id":"cp_001","location":"Alicante","price_per_kwh":0.25,"state":"CHARGING","label":"Charging",
              "colour":"green","registration":"AUTHORIZED","pending_authorization":false,"connected":true,
              "charging":{"session_id":"s-1","driver_id":"driver_007","power_kw":7.2,"energy_kwh":1.234,"cost":0.31}},
             {"id":"cp_002","location":"Elche","price_per_kwh":0.3,"state":"STOPPED","label":"Out of Order",
              "colour":"orange","registration":"AUTHORIZED","pending_authorization":false,"connected":true}]""";

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Run run(FakeAdminApi api, String input, Map<String, String> env, String... extraArgs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[2 + extraArgs.length];
        args[0] = "admin";
        args[1] = api.uri().toString();
        System.arraycopy(extraArgs, 0, args, 2, extraArgs.length);
        CommandContext context = new CommandContext(env, Map.of(),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = Main.run(args, context);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }

    @Test
    void pipedInputListsTheCpsThenStopsAndResumesOne() throws Exception {
        try (FakeAdminApi api = new FakeAdminApi(basic("ops", "s3cret"))) {
            api.answer("GET /api/charging-points", 200, CPS)
                    .answer("POST /api/commands", 200, "{\"done\":[\"cp_002\"],\"refused\":[]}");

            Run run = run(api, "1\n9\ncp_002\n10\ncp_002\n0\n", Map.of(), "--user", "ops", "--password", "s3cret");

            assertThat(run.status()).isZero();
            assertThat(run.out()).contains("EV_CENTRAL - ADMIN CONTROL MENU", "[11] Show system statistics",
                    "[0] Exit Admin Console");
            assertThat(run.out()).containsPattern("CP ID\\s+LOCATION\\s+PRICE €/kWh\\s+STATE")
                    .containsPattern("cp_001\\s+Alicante\\s+0\\.25\\s+CHARGING\\s+AUTHORIZED\\s+driver_007\\s+7\\.20\\s+1\\.234\\s+0\\.31")
                    .containsPattern("cp_002\\s+Elche\\s+0\\.30\\s+STOPPED \\(Out of Order\\)")
                    .contains("2 charging point(s)", "Stopped: cp_002", "Resumed: cp_002", "Exiting Admin Console.");
            assertThat(run.out()).as("no colour codes when the output is not a terminal").doesNotContain("\u001b[");
            assertThat(api.requests()).extracting(FakeAdminApi.Request::line)
                    .containsExactly("GET /api/charging-points", "POST /api/commands", "POST /api/commands");
            assertThat(api.requests().get(1).body()).contains("\"action\":\"stop\"", "\"target\":\"cp_002\"");
            assertThat(api.requests().get(2).body()).contains("\"action\":\"resume\"", "\"target\":\"cp_002\"");
        }
    }

    @Test
    void credentialsComeFromTheEnvironmentAndRefusalsAreShownWithoutEndingTheConsole() throws Exception {
        try (FakeAdminApi api = new FakeAdminApi(basic("env-user", "env-pass"))) {
            api.answer("POST /api/commands", 409,
                    "{\"status\":409,\"error\":\"Conflict\",\"message\":\"Charging point cp_001 current status is ACTIVE, cannot resume\"}")
                    .answer("GET /api/statistics", 200, """
                            {"charging_points":2,"charging_points_by_state":{"ACTIVE":1,"STOPPED":1},"pending_authorizations":0,
                             "connected_monitors":2,"sessions_running":0,"sessions_today":3,"sessions_total":9,
                             "energy_delivered_kwh":12.5,"revenue_eur":3.75,"connected_drivers":0,
                             "started_at":"2026-11-24T02:00:00Z","uptime_seconds":3725}""");

            Run run = run(api, "10\ncp_001\n6\nnope\n42\n11\n", Map.of("ADMIN_USER", "env-user", "ADMIN_PASSWORD", "env-pass"));

            assertThat(run.status()).isZero();
            assertThat(run.out()).contains("Error: 409 Charging point cp_001 current status is ACTIVE, cannot resume",
                    "Error: 404 nothing at GET /api/sessions/nope", "Invalid option '42': choose 0-11")
                    .containsPattern("Sessions today:\\s+3").containsPattern("Energy delivered:\\s+12\\.500 kWh")
                    .containsPattern("Revenue:\\s+€3\\.75").containsPattern("Uptime:\\s+1h 02m 05s")
                    .as("the end of the input ends the console").endsWith("Exiting Admin Console.\n");
        }
    }

    @Test
    void wrongCredentialsSayWhatToCheck() throws Exception {
        try (FakeAdminApi api = new FakeAdminApi(basic("admin", "right"))) {
            Run run = run(api, "1\n0\n", Map.of(), "--password", "wrong");

            assertThat(run.out()).contains("Error: 401 Unauthorized: check --user/--password (ADMIN_USER/ADMIN_PASSWORD)");
            assertThat(api.requests().get(0).authorization()).isEqualTo(basic("admin", "wrong"));
        }
    }

    @Test
    void aMissingUrlIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"admin"}, new CommandContext(Map.of(), Map.of(),
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)));

        assertThat(status).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("central_http_url");
    }
}
