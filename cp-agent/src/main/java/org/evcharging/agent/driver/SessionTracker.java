package org.evcharging.agent.driver;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.evcharging.api.message.session.ChargeCompletion;

/**
 * The driver's current session and the tickets already received. Messages may arrive twice or
 * out of order: progress of a session that is not the current one is ignored, and each session
 * gets one ticket, even if it arrives before the acceptance that opened the session.
 */
final class SessionTracker {

    /** The session being charged, with its latest totals. */
    record Current(String sessionId, String cpId, double energyKwh, double cost) {
    }

    private Current current;
    private final Map<String, CompletableFuture<ChargeCompletion>> endings = new ConcurrentHashMap<>();

    /** Makes {@code sessionId} current, unless its ticket already came (then it is over). */
    synchronized boolean start(String sessionId, String cpId) {
        if (ended(sessionId)) {
            return false;
        }
        current = new Current(sessionId, cpId, 0.0, 0.0);
        return true;
    }

    synchronized Optional<Current> current() {
        return Optional.ofNullable(current);
    }

    /** Applies a progress update; empty when it belongs to no current session (late or foreign). */
    synchronized Optional<Current> progress(String sessionId, Double energyKwh, Double cost) {
        if (current == null || !current.sessionId().equals(sessionId)) {
            return Optional.empty();
        }
        current = new Current(sessionId, current.cpId(),
                energyKwh != null ? energyKwh : current.energyKwh(), cost != null ? cost : current.cost());
        return Optional.of(current);
    }

    /** Records a ticket; false when this session already had one (a duplicate to ignore). */
    synchronized boolean finish(ChargeCompletion ticket) {
        CompletableFuture<ChargeCompletion> ending = ending(ticket.sessionId());
        if (ending.isDone()) {
            return false;
        }
        if (current != null && current.sessionId().equals(ticket.sessionId())) {
            current = null;
        }
        ending.complete(ticket);
        return true;
    }

    /** Completes with the session's ticket, now or when it arrives. */
    CompletableFuture<ChargeCompletion> ending(String sessionId) {
        return endings.computeIfAbsent(sessionId, id -> new CompletableFuture<>());
    }

    private boolean ended(String sessionId) {
        CompletableFuture<ChargeCompletion> ending = endings.get(sessionId);
        return ending != null && ending.isDone();
    }
}
