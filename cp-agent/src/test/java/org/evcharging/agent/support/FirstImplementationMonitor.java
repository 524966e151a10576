package org.evcharging.agent.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.evcharging.agent.config.HostPort;
import org.evcharging.api.message.engine.CommandResponse;
import org.evcharging.api.message.engine.HealthCheckResponse;
import org.evcharging.api.protocol.FrameEncoder;

/**
 * The first implementation's Monitor (EC_CP_M.py) as its Engine sees it: the same messages, keys in
 * the same order, serialised as Python's {@code json.dumps} does (wire-format §2.2, §3.3), over a
 * real socket. Each method sends one message and returns the Engine's answer.
 */
public final class FirstImplementationMonitor implements AutoCloseable {

    private final FrameTestClient socket;
    private final String cpId;

    public FirstImplementationMonitor(HostPort engine, String cpId) {
        this.socket = new FrameTestClient(engine);
        this.cpId = cpId;
    }

    public FrameTestClient socket() {
        return socket;
    }

    /** The first message after every connect (EC_CP_M.py _send_cp_id_to_engine). */
    public CommandResponse initCpId() {
        String id = newId();
        send("{\"type\": \"init_cp_id\", \"message_id\": \"%s\", \"cp_id\": \"%s\"}", id, cpId);
        return socket.reply(CommandResponse.class, id);
    }

    /** Sent at once after the connect, then every 30 s; note {@code id}, not {@code cp_id}. */
    public HealthCheckResponse healthCheck() {
        String id = newId();
        send("{\"type\": \"health_check_request\", \"message_id\": \"%s\", \"id\": \"%s\"}", id, cpId);
        return socket.reply(HealthCheckResponse.class, id);
    }

    /**
     * What it sends on any change of its own status to FAULTY, e.g. at start-up when the Engine answers
     * its first health check before Central is connected (wire-format 10.19).
     */
    public CommandResponse emergencyStopOnFaulty() {
        String id = newId();
        send("{\"type\": \"stop_charging_command\", \"message_id\": \"%s\", \"cp_id\": \"%s\", \"session_id\": null, "
                + "\"timestamp\": %d}", id, cpId, Instant.now().getEpochSecond());
        return socket.reply(CommandResponse.class, id);
    }

    /** Central's start, passed on with a fresh message id and no timestamp. */
    public CommandResponse startCharging(String sessionId, String driverId, double pricePerKwh) {
        String id = newId();
        send("{\"type\": \"start_charging_command\", \"message_id\": \"%s\", \"cp_id\": \"%s\", \"session_id\": \"%s\", "
                + "\"driver_id\": \"%s\", \"price_per_kwh\": %s}", id, cpId, sessionId, driverId, pricePerKwh);
        return socket.reply(CommandResponse.class, id);
    }

    /** Central's stop of one session, passed on with Central's message id. */
    public CommandResponse stopSession(String centralMessageId, String sessionId) {
        send("{\"type\": \"stop_charging_command\", \"message_id\": \"%s\", \"cp_id\": \"%s\", \"session_id\": \"%s\"}",
                centralMessageId, cpId, sessionId);
        return socket.reply(CommandResponse.class, centralMessageId);
    }

    /** Central's resume, passed on with Central's message id. */
    public CommandResponse resume(String centralMessageId) {
        send("{\"type\": \"resume_cp_command\", \"message_id\": \"%s\", \"cp_id\": \"%s\"}", centralMessageId, cpId);
        return socket.reply(CommandResponse.class, centralMessageId);
    }

    @Override
    public void close() {
        socket.close();
    }

    private void send(String json, Object... args) {
        socket.sendRaw(FrameEncoder.encode(String.format(Locale.ROOT, json, args).getBytes(StandardCharsets.UTF_8)));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
