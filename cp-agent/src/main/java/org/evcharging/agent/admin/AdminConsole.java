package org.evcharging.agent.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The design's EV_CENTRAL admin menu (11 items and exit) over Central's admin REST API. Reads one
 * line per choice and per id, so it runs the same from a keyboard or from piped input; it ends at
 * 0 or at the end of the input. A refused or failed request prints its reason and the menu goes on.
 */
final class AdminConsole {

    static final String MENU = """
            =====
            EV_CENTRAL - ADMIN CONTROL MENU
            =====

            CHARGING POINT MANAGEMENT:
            [1] List all charging points
            [2] List available charging points
            [3] List active charging points
            [4] Show charging point status (requires CP ID)

            SESSION MANAGEMENT:
            [5] List all charging sessions
            [6] Show session details (requires Session ID)

            AUTHORIZATION:
            [7] List pending authorizations
            [8] Authorize charging point (requires CP ID or 'all')

            CONTROL:
            [9] Stop charging point (requires CP ID or 'all')
            [10] Resume charging point (requires CP ID or 'all')

            SYSTEM:
            [11] Show system statistics

            EXIT:
            [0] Exit Admin Console
            =====
            """;

    private final AdminClient client;
    private final AdminViews views;
    private final Palette palette;
    private final BufferedReader in;
    private final PrintStream out;
    private final int sessionLimit;

    AdminConsole(AdminClient client, Palette palette, InputStream in, PrintStream out, int sessionLimit) {
        this.client = client;
        this.palette = palette;
        this.views = new AdminViews(palette);
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.sessionLimit = sessionLimit;
    }

    void run() throws IOException {
        while (true) {
            out.print(palette.bold(MENU));
            String choice = ask("Select an option: ");
            if (choice == null || choice.equals("0")) {
                out.println("Exiting Admin Console.");
                return;
            }
            if (!choice.isEmpty()) {
                try {
                    out.print(perform(choice));
                } catch (AdminApiException e) {
                    out.println(palette.error("Error: " + e.getMessage()));
                }
                out.println();
            }
        }
    }

    private String perform(String choice) throws IOException, AdminApiException {
        return switch (choice) {
            case "1" -> views.chargingPoints(client.get("charging-points"), "No charging points registered.");
            case "2" -> views.chargingPoints(client.get("charging-points?state=ACTIVE"), "No available charging points.");
            case "3" -> views.chargingPoints(client.get("charging-points?state=CHARGING"), "No charging point is charging.");
            case "4" -> withInput("Enter CP ID: ", id -> views.chargingPoint(client.get("charging-points/" + encoded(id))));
            case "5" -> views.sessions(client.get("sessions?limit=" + sessionLimit));
            case "6" -> withInput("Enter Session ID: ", id -> views.session(client.get("sessions/" + encoded(id))));
            case "7" -> views.chargingPoints(client.get("charging-points/pending"), "No pending authorizations.");
            case "8" -> command("authorize");
            case "9" -> command("stop");
            case "10" -> command("resume");
            case "11" -> views.statistics(client.get("statistics"));
            default -> palette.error("Invalid option '" + choice + "': choose 0-11") + "\n";
        };
    }

    private String command(String action) throws IOException, AdminApiException {
        return withInput("Enter CP ID or 'all': ", target -> views.commandResult(action, client.command(action, target)));
    }

    private String withInput(String prompt, Action action) throws IOException, AdminApiException {
        String value = ask(prompt);
        if (value == null || value.isEmpty()) {
            return palette.error("No id given.") + "\n";
        }
        return action.apply(value);
    }

    private String ask(String prompt) throws IOException {
        out.print(prompt);
        out.flush();
        String line = in.readLine();
        return line == null ? null : line.strip();
    }

    private static String encoded(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One request made with the id the operator typed. */
    @FunctionalInterface
    private interface Action {
        String apply(String id) throws AdminApiException;
    }
}
