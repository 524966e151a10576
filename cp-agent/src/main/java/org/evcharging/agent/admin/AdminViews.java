package org.evcharging.agent.admin;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** How the console prints what the admin API returns: tables for lists, key/value blocks for one item. */
final class AdminViews {

    private final Palette palette;

    AdminViews(Palette palette) {
        this.palette = palette;
    }

    String chargingPoints(JsonNode cps, String emptyText) {
        TextTable table = new TextTable("CP ID", "LOCATION", "PRICE €/kWh", "STATE", "AUTH", "DRIVER", "kW", "kWh", "€");
        for (JsonNode cp : cps) {
            JsonNode live = cp.path("charging");
            table.row(palette.forState(cp.path("state").asText()), cp.path("id").asText(), cp.path("location").asText(),
                    decimal(cp.path("price_per_kwh"), 2), stateText(cp), cp.path("registration").asText(),
                    text(live.path("driver_id")), decimal(live.path("power_kw"), 2), decimal(live.path("energy_kwh"), 3),
                    decimal(live.path("cost"), 2));
        }
        return table.isEmpty() ? emptyText + "\n" : table.render() + cps.size() + " charging point(s)\n";
    }

    String chargingPoint(JsonNode cp) {
        StringBuilder out = new StringBuilder();
        field(out, "CP ID", cp.path("id").asText());
        field(out, "Location", cp.path("location").asText());
        field(out, "Price", decimal(cp.path("price_per_kwh"), 2) + " €/kWh");
        field(out, "Status", palette.forState(cp.path("state").asText()).apply(stateText(cp)));
        field(out, "Registration", cp.path("registration").asText());
        field(out, "Connected", cp.path("connected").asBoolean() ? "yes" : "no");
        JsonNode live = cp.path("charging");
        if (!live.isMissingNode()) {
            field(out, "Session", live.path("session_id").asText());
            field(out, "Driver", live.path("driver_id").asText());
            field(out, "Power", decimal(live.path("power_kw"), 2) + " kW");
            field(out, "Energy", decimal(live.path("energy_kwh"), 3) + " kWh");
            field(out, "Cost", decimal(live.path("cost"), 2) + " €");
        }
        return out.toString();
    }

    String sessions(JsonNode sessions) {
        TextTable table = new TextTable("SESSION ID", "CP ID", "DRIVER", "STATE", "kWh", "€", "STARTED", "ENDED", "ENDED BY");
        for (JsonNode s : sessions) {
            table.row(java.util.function.UnaryOperator.identity(), s.path("session_id").asText(), s.path("cp_id").asText(),
                    s.path("driver_id").asText(), s.path("state").asText(), decimal(s.path("energy_kwh"), 3),
                    decimal(s.path("total_cost"), 2), text(s.path("started_at")), text(s.path("ended_at")),
                    text(s.path("ended_by")));
        }
        return table.isEmpty() ? "No charging sessions yet.\n" : table.render() + sessions.size() + " session(s)\n";
    }

    String session(JsonNode s) {
        StringBuilder out = new StringBuilder();
        field(out, "Session ID", s.path("session_id").asText());
        field(out, "Charging Point", s.path("cp_id").asText());
        field(out, "Driver ID", s.path("driver_id").asText());
        field(out, "State", s.path("state").asText() + (s.path("running").asBoolean() ? " (running)" : ""));
        field(out, "Price", decimal(s.path("price_per_kwh"), 2) + " €/kWh");
        field(out, "Energy Consumed", decimal(s.path("energy_kwh"), 3) + " kWh");
        field(out, "Total Cost", "€" + decimal(s.path("total_cost"), 2));
        field(out, "Requested", text(s.path("requested_at")));
        field(out, "Start Time", text(s.path("started_at")));
        field(out, "End Time", text(s.path("ended_at")));
        field(out, "Ended By", text(s.path("ended_by")));
        return out.toString();
    }

    String statistics(JsonNode stats) {
        StringBuilder out = new StringBuilder();
        field(out, "Charging points", stats.path("charging_points").asText());
        for (Iterator<Map.Entry<String, JsonNode>> it = stats.path("charging_points_by_state").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            field(out, "  " + entry.getKey(), palette.forState(entry.getKey()).apply(entry.getValue().asText()));
        }
        field(out, "Pending authorizations", stats.path("pending_authorizations").asText());
        field(out, "Connected monitors", stats.path("connected_monitors").asText());
        field(out, "Sessions running", stats.path("sessions_running").asText());
        field(out, "Sessions today", stats.path("sessions_today").asText());
        field(out, "Sessions in total", stats.path("sessions_total").asText());
        field(out, "Energy delivered", decimal(stats.path("energy_delivered_kwh"), 3) + " kWh");
        field(out, "Revenue", "€" + decimal(stats.path("revenue_eur"), 2));
        field(out, "Connected drivers", stats.path("connected_drivers").asText());
        field(out, "Uptime", uptime(stats.path("uptime_seconds").asLong()) + " (since " + stats.path("started_at").asText() + ")");
        return out.toString();
    }

    /** What an authorize / stop / resume did: the CPs it was done to and each refusal. */
    String commandResult(String action, JsonNode result) {
        StringBuilder out = new StringBuilder();
        JsonNode done = result.path("done");
        out.append(done.isEmpty() ? "No charging point to " + action + ".\n"
                : pastTense(action) + ": " + String.join(", ", texts(done)) + "\n");
        for (JsonNode refusal : result.path("refused")) {
            out.append(palette.error("Refused " + refusal.path("cp_id").asText() + ": " + refusal.path("reason").asText()))
                    .append('\n');
        }
        // Shown this once by Central: the operator installs it in the CP's Monitor (--credential-file).
        result.path("credentials").fields().forEachRemaining(credential -> out.append("Credential of ")
                .append(credential.getKey()).append(" (shown once): ").append(credential.getValue().asText()).append('\n'));
        return out.toString();
    }

    private static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static String stateText(JsonNode cp) {
        String state = cp.path("state").asText();
        return "STOPPED".equals(state) ? "STOPPED (Out of Order)" : state;
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(String.format("%-24s %s%n", name + ":", value));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "-" : node.asText();
    }

    private static String decimal(JsonNode node, int digits) {
        return node.isNumber() ? String.format(java.util.Locale.ROOT, "%." + digits + "f", node.asDouble()) : "-";
    }

    private static String uptime(long seconds) {
        return String.format("%dh %02dm %02ds", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }

    private static String pastTense(String action) {
        return switch (action) {
            case "authorize" -> "Authorized";
            case "stop" -> "Stopped";
            case "resume" -> "Resumed";
            default -> action;
        };
    }
}
