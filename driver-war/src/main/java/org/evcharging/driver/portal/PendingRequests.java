package org.evcharging.driver.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evcharging.api.message.WireMessage;

/**
 * Requests Central has not answered yet. An overdue one is sent again with the same message id:
 * Central answers each id once, so a resend never acts twice.
 */
final class PendingRequests {

    private static final class Pending {
        final WireMessage request;
        final long firstSentAt;
        long lastSentAt;

        Pending(WireMessage request, long now) {
            this.request = request;
            this.firstSentAt = now;
            this.lastSentAt = now;
        }
    }

    private final Map<String, Pending> byId = new LinkedHashMap<>();

    void add(WireMessage request, long now) {
        byId.put(request.messageId(), new Pending(request, now));
    }

    boolean answered(String messageId) {
        return messageId != null && byId.remove(messageId) != null;
    }

    /** The requests to send again now, their last send being older than {@code timeoutMs}. */
    List<WireMessage> dueForResend(long now, long timeoutMs) {
        List<WireMessage> due = new ArrayList<>();
        for (Pending p : byId.values()) {
            if (now - p.lastSentAt >= timeoutMs) {
                p.lastSentAt = now;
                due.add(p.request);
            }
        }
        return due;
    }

    /** True when some request has waited longer than {@code timeoutMs} for its answer. */
    boolean overdue(long now, long timeoutMs) {
        return byId.values().stream().anyMatch(p -> now - p.firstSentAt >= timeoutMs);
    }
}
