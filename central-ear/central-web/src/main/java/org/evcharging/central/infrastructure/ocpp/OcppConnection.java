package org.evcharging.central.infrastructure.ocpp;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.evcharging.central.application.MonitorChannel;
import org.evcharging.central.application.OcppStations;
import org.evcharging.central.application.OcppTransaction;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.ChangeAvailabilityReq;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.RemoteStartTransactionReq;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.RemoteStopTransactionReq;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.TriggerMessageReq;

/**
 * One charger's WebSocket, as the application sees it: Central's commands become OCPP CALLs.
 * OCPP-J allows one outstanding CALL per direction, so Central's CALLs wait in a queue until the
 * previous one is answered or has timed out; the charger's CALLs are answered one at a time, in order.
 */
final class OcppConnection implements MonitorChannel {

    private static final Logger LOG = Logger.getLogger(OcppConnection.class.getName());

    /** What sends text over the socket and closes it; a seam so the connection is testable without a container. */
    interface Socket {
        boolean sendText(String text);

        void close(String reason);

        String remoteAddress();
    }

    private final CpId cpId;
    private final Socket socket;
    private final OcppActions actions;
    private final OcppStations stations;
    private final Duration callTimeout;
    private final Executor sends;
    private final Queue<OutgoingCall> waiting = new ArrayDeque<>();
    private OutgoingCall outstanding;
    private volatile String model;
    private volatile boolean open = true;

    /**
     * {@code sends} runs Central's CALLs out one at a time, never on the thread that read the answer
     * to the previous one nor under this connection's lock: a socket write then never holds up reading.
     */
    OcppConnection(CpId cpId, Socket socket, OcppActions actions, OcppStations stations, Duration callTimeout,
                   Executor sends) {
        this.cpId = cpId;
        this.sends = sends;
        this.socket = socket;
        this.actions = actions;
        this.stations = stations;
        this.callTimeout = callTimeout;
    }

    /** A text frame from the charger. Whatever it holds, the connection stays and the answer is a frame. */
    void received(String text) {
        OcppFrame frame;
        try {
            frame = OcppCodec.parse(text);
        } catch (OcppViolation violation) {
            LOG.warning(() -> "OCPP " + describe() + " sent a malformed message (" + violation.code() + "): " + violation.getMessage());
            socket.sendText(OcppCodec.error(violation));
            return;
        }
        if (frame instanceof OcppFrame.Call call) {
            answer(call);
        } else if (frame instanceof OcppFrame.CallResult result) {
            answered(result.messageId(), result.payload(), null);
        } else if (frame instanceof OcppFrame.CallError error) {
            answered(error.messageId(), null, error);
        }
    }

    private void answer(OcppFrame.Call call) {
        String reply;
        try {
            reply = OcppCodec.result(call.messageId(), actions.handle(this, call));
        } catch (OcppViolation violation) {
            LOG.info(() -> "OCPP " + describe() + " " + call.action() + " refused (" + violation.code() + "): " + violation.getMessage());
            reply = OcppCodec.error(violation.answering(call.messageId()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "OCPP " + describe() + " " + call.action() + " failed", e);
            reply = OcppCodec.error(new OcppViolation(OcppErrorCode.InternalError, call.messageId(),
                    "Central could not process " + call.action()));
        }
        socket.sendText(reply);
    }

    /**
     * Sends a CALL to the charger once no other is outstanding; the future completes with the
     * CALLRESULT payload, or exceptionally with the CALLERROR or a timeout.
     */
    CompletableFuture<JsonNode> call(String action, Object payload) {
        OutgoingCall call = new OutgoingCall(UUID.randomUUID().toString(), action, payload, new CompletableFuture<>());
        call.answer().orTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((answer, failure) -> finished(call, failure));
        synchronized (this) {
            if (!open) {
                call.answer().completeExceptionally(new IllegalStateException("Charger " + cpId + " is not connected"));
                return call.answer();
            }
            waiting.add(call);
            sendNextIfIdle();
        }
        return call.answer();
    }

    private void finished(OutgoingCall call, Throwable failure) {
        if (failure != null) {
            LOG.info(() -> "OCPP " + describe() + " " + call.action() + " got no answer: " + failure);
        }
        synchronized (this) {
            waiting.remove(call);
            if (outstanding == call) {
                outstanding = null;
                sendNextIfIdle();
            }
        }
    }

    private void sendNextIfIdle() {
        while (outstanding == null && !waiting.isEmpty()) {
            OutgoingCall next = waiting.poll();
            if (next.answer().isDone()) {
                continue;
            }
            outstanding = next;
            String text = OcppCodec.call(next.messageId(), next.action(), next.payload());
            sends.execute(() -> {
                if (!socket.sendText(text)) {
                    // finished() then moves on to the next call.
                    next.answer().completeExceptionally(new IllegalStateException("Charger " + cpId + " could not be reached"));
                }
            });
        }
    }

    private void answered(String messageId, JsonNode payload, OcppFrame.CallError error) {
        OutgoingCall call;
        synchronized (this) {
            call = outstanding != null && outstanding.messageId().equals(messageId) ? outstanding : null;
        }
        if (call == null) {
            LOG.info(() -> "OCPP " + describe() + " answered " + messageId + ", which is not the outstanding call: ignored");
            return;
        }
        if (error != null) {
            call.answer().completeExceptionally(new ChargerRefusal(error.errorCode() + ": " + error.description()));
        } else {
            call.answer().complete(payload);
        }
    }

    /** The socket is gone: nothing waits for an answer any more. */
    void closed() {
        synchronized (this) {
            open = false;
        }
        IllegalStateException gone = new IllegalStateException("Charger " + cpId + " disconnected");
        OutgoingCall current;
        synchronized (this) {
            current = outstanding;
        }
        if (current != null) {
            current.answer().completeExceptionally(gone);
        }
        synchronized (this) {
            waiting.forEach(call -> call.answer().completeExceptionally(gone));
            waiting.clear();
        }
    }

    void booted(String vendorAndModel) {
        this.model = vendorAndModel;
    }

    String model() {
        return model;
    }

    // Central's commands, in OCPP

    @Override
    public boolean startSupply(String sessionId, String driverId, BigDecimal pricePerKwh) {
        if (!open) {
            return false;
        }
        // A refusal arrives on the socket's thread and ends the session at once; a charger that never
        // answers leaves it to the session's start time-out.
        call("RemoteStartTransaction", new RemoteStartTransactionReq(1, driverId)).whenComplete((answer, failure) -> {
            boolean refused = failure instanceof ChargerRefusal
                    || answer != null && !"Accepted".equals(answer.path("status").asText());
            if (refused) {
                stations.remoteStartRejected(cpId, sessionId);
            }
        });
        return true;
    }

    @Override
    public boolean endSupply(String sessionId, String driverId) {
        // No transaction yet: the charger has not started, and a StartTransaction coming later is refused.
        return stations.ofSession(sessionId).map(OcppTransaction::id)
                .map(id -> command("RemoteStopTransaction", new RemoteStopTransactionReq(id))).orElse(false);
    }

    @Override
    public boolean outOfService() {
        return command("ChangeAvailability", new ChangeAvailabilityReq(0, "Inoperative"));
    }

    @Override
    public boolean backInService() {
        return command("ChangeAvailability", new ChangeAvailabilityReq(0, "Operative"));
    }

    @Override
    public boolean admitted(String waitingRequestId) {
        // A pending charger boots again on its own after the interval; asked, it does at once.
        return command("TriggerMessage", new TriggerMessageReq("BootNotification", null));
    }

    private boolean command(String action, Object payload) {
        if (!open) {
            return false;
        }
        call(action, payload);
        return true;
    }

    @Override
    public String protocolLabel() {
        return "OCPP";
    }

    @Override
    public String id() {
        return socket.remoteAddress();
    }

    @Override
    public void close() {
        socket.close("Central closed the connection");
    }

    /** Always the id in the URL the charger connected to. */
    @Override
    public CpId cpId() {
        return cpId;
    }

    @Override
    public void speaksFor(CpId id) {
        // The URL already says which CP this is.
    }

    @Override
    public void admittedFor(CpId id) {
        // Admission happened at the handshake (ChargerAuthenticator), for the id in the URL only.
    }

    @Override
    public boolean isAdmittedFor(CpId id) {
        return cpId.equals(id);
    }

    String describe() {
        return cpId + "@" + socket.remoteAddress();
    }

    private record OutgoingCall(String messageId, String action, Object payload, CompletableFuture<JsonNode> answer) {
    }

    /** The charger answered a CALL with a CALLERROR. */
    static final class ChargerRefusal extends RuntimeException {
        ChargerRefusal(String message) {
            super(message);
        }
    }
}
