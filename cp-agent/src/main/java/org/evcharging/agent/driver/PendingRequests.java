package org.evcharging.agent.driver;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.evcharging.api.message.WireMessage;

/**
 * Requests still waiting for Central's answer, by {@code message_id}. Central echoes the request's
 * id in its reply, which is how a reply finds its request; the first reply wins, so a duplicate
 * delivery can never answer a request twice.
 */
final class PendingRequests {

    private final Map<String, CompletableFuture<WireMessage>> waiting = new ConcurrentHashMap<>();
    private final Map<String, Boolean> answered = new ConcurrentHashMap<>();

    /** The answer to come for {@code messageId}; the same future when asked again (a resend). */
    CompletableFuture<WireMessage> expect(String messageId) {
        return waiting.computeIfAbsent(messageId, id -> new CompletableFuture<>());
    }

    /**
     * Records the answer to {@code messageId}; false when that request was already answered, i.e.
     * this reply is a duplicate to ignore. Replies to requests we never sent count as first answers.
     */
    boolean firstAnswer(String messageId) {
        return messageId == null || messageId.isEmpty() || answered.putIfAbsent(messageId, Boolean.TRUE) == null;
    }

    /** Hands {@code reply} to whoever waits for it; call after it was shown. */
    void complete(String messageId, WireMessage reply) {
        if (messageId == null) {
            return;
        }
        CompletableFuture<WireMessage> future = waiting.remove(messageId);
        if (future != null) {
            future.complete(reply);
        }
    }
}
