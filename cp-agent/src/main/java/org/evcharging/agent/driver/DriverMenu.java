package org.evcharging.agent.driver;

import java.io.BufferedReader;
import java.io.IOException;

import org.evcharging.api.message.driver.AvailableCpsRequest;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.ChargingHistoryRequest;
import org.evcharging.api.message.driver.StopChargingRequest;

/**
 * The design's driver menu, one line of standard input per choice. Each request waits for its
 * answer (or the answer timeout) before the next line is read, so a piped script behaves as a
 * person typing would; live progress and tickets keep arriving meanwhile.
 */
final class DriverMenu {

    private static final String PROMPT = "Option [1-5, 0 to exit, empty for the menu]:";

    private final String driverId;
    private final BufferedReader input;
    private final DriverLink link;
    private final SessionTracker sessions;
    private final DriverView view;

    DriverMenu(String driverId, BufferedReader input, DriverLink link, SessionTracker sessions, DriverView view) {
        this.driverId = driverId;
        this.input = input;
        this.link = link;
        this.sessions = sessions;
        this.view = view;
    }

    /** Runs until option 0 or the end of the input. */
    void run() throws IOException, InterruptedException {
        view.menu(driverId, status());
        view.line(PROMPT);
        String line;
        while ((line = input.readLine()) != null) {
            String choice = line.strip();
            if (choice.equals("0")) {
                leave("Bye");
                return;
            }
            if (!choose(choice)) {
                return;
            }
            view.line(PROMPT);
        }
        leave("Input ended");
    }

    /** Acts on one choice; false when the input ended in the middle of it. */
    private boolean choose(String choice) throws IOException, InterruptedException {
        switch (choice) {
            case "1" -> link.ask(AvailableCpsRequest.of(driverId));
            case "2" -> {
                return requestCharging();
            }
            case "3" -> stopCharging();
            case "4" -> view.line("Status: " + status());
            case "5" -> link.ask(ChargingHistoryRequest.of(driverId));
            case "" -> view.menu(driverId, status());
            default -> view.line("Unknown option '" + choice + "'");
        }
        return true;
    }

    private boolean requestCharging() throws IOException, InterruptedException {
        var current = sessions.current();
        if (current.isPresent()) {
            view.line("Already charging at " + current.get().cpId() + " (session " + current.get().sessionId()
                    + "); stop it first");
            return true;
        }
        view.line("CP ID:");
        String cpId = input.readLine();
        if (cpId == null) {
            leave("Input ended");
            return false;
        }
        if (cpId.isBlank()) {
            view.line("No CP id given");
            return true;
        }
        link.ask(ChargeRequest.of(cpId.strip(), driverId));
        return true;
    }

    private void stopCharging() throws InterruptedException {
        var current = sessions.current();
        if (current.isEmpty()) {
            view.line("No charging session in progress");
            return;
        }
        link.ask(StopChargingRequest.of(current.get().sessionId(), current.get().cpId(), driverId));
    }

    private String status() {
        return sessions.current()
                .map(c -> "CHARGING at " + c.cpId() + ", session " + c.sessionId() + ", "
                        + DriverView.amounts(c.energyKwh(), c.cost()))
                .orElse("IDLE");
    }

    private void leave(String why) {
        String charging = sessions.current()
                .map(c -> " (session " + c.sessionId() + " at " + c.cpId() + " goes on at the CP)").orElse("");
        view.line(why + ": leaving the driver application" + charging);
    }
}
