package org.evcharging.agent.monitor;

import java.time.Duration;
import java.time.Instant;

/** One moment of the Monitor, as its status panel shows it. */
record PanelView(String cpId, String status, String centralAddress, boolean centralConnected,
                 CentralSession.Phase phase, boolean authorized, String engineAddress, boolean engineConnected,
                 String engineHealth, Instant lastHealthAnswer, Duration healthInterval, int healthMisses,
                 int heartbeatSeconds, int outboxSize) {

    String authText() {
        if (authorized) {
            return "Authorized";
        }
        return phase == CentralSession.Phase.WAITING_FOR_APPROVAL ? "Waiting for authorization" : "Not authorized yet";
    }

    String registrationText() {
        return phase == CentralSession.Phase.REGISTERED ? "Registered" : "Not registered";
    }

    String heartbeatText() {
        return centralConnected ? "Running" : "Stopped";
    }

    String lastAnswerText(Instant now) {
        if (lastHealthAnswer == null) {
            return "never";
        }
        return String.format(java.util.Locale.ROOT, "%.1fs ago",
                Duration.between(lastHealthAnswer, now).toMillis() / 1000.0);
    }

    /** The line printed on each change when the output is not a terminal. */
    String summary() {
        return "Status " + cpId + ": " + status
                + " | CENTRAL " + (centralConnected ? phase.name().toLowerCase(java.util.Locale.ROOT)
                        : "disconnected") + " (" + centralAddress + ")"
                + " | ENGINE " + (engineConnected ? "connected" : "disconnected") + ", " + engineHealth
                + " (" + engineAddress + ")"
                + " | outbox " + outboxSize;
    }
}
