package org.evcharging.agent.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.evcharging.agent.console.EventLog;

/**
 * The operator's terminal menu, as in the design's screenshot. It reads lines, so it works the same
 * typed at a terminal or piped in; when its input ends the Engine keeps running without it.
 */
final class EngineMenu implements Runnable {

    private static final Logger LOG = Logger.getLogger(EngineMenu.class.getName());

    static final String MENU = String.join("\n",
            "=====",
            "EV_CP_E - ENGINE CONTROL MENU",
            "=====",
            "MANUAL CHARGING (from CP, sends request to Central):",
            "[1] Request charging (manual charge_request to Central)",
            "[2] Plug in the vehicle (starts an authorized supply in manual plug mode)",
            "[3] Stop charging (simulate vehicle unplug)",
            "ENGINE HARDWARE SIMULATION:",
            "[4] Simulate Engine failure (Send KO to Monitor)",
            "[5] Simulate Engine recovery (Send OK to Monitor)",
            "STATUS:",
            "[6] Show current status",
            "EXIT:",
            "[0] Exit menu (Engine continues running)",
            "=====",
            "Choose an option (m shows this menu again):");

    private final BufferedReader input;
    private final EventLog log;
    private final EngineAgent agent;

    EngineMenu(InputStream in, EventLog log, EngineAgent agent) {
        this.input = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.log = log;
        this.agent = agent;
    }

    @Override
    public void run() {
        log.text(agent.status() + MENU);
        try {
            String line;
            while ((line = input.readLine()) != null) {
                if (!choose(line.strip())) {
                    log.event("Menu closed; the Engine keeps running (Ctrl+C stops it)");
                    return;
                }
            }
            log.event("Menu input closed; the Engine keeps running (Ctrl+C stops it)");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read the menu's input; the Engine keeps running without it", e);
        } catch (IllegalStateException e) {
            LOG.fine(() -> "Menu stopped with the Engine: " + e.getMessage());
        }
    }

    /** Runs one choice; false when the operator leaves the menu. */
    private boolean choose(String choice) throws IOException {
        switch (choice) {
            case "1" -> {
                log.text("Driver ID [" + EngineAgent.DEFAULT_MANUAL_DRIVER + "]: ");
                String driver = input.readLine();
                log.event(agent.requestCharge(driver == null ? "" : driver));
            }
            case "2" -> log.event(agent.plugIn());
            case "3" -> log.event(agent.unplug());
            case "4" -> log.event(agent.simulateFault());
            case "5" -> log.event(agent.simulateRecovery());
            case "6" -> log.text(agent.status());
            case "0" -> {
                return false;
            }
            case "", "m", "M" -> log.text(MENU);
            default -> log.event("Unknown option '" + choice + "': choose 0-6 (m shows the menu)");
        }
        return true;
    }
}
