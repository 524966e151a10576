package org.evcharging.driver.portal;

import java.util.ArrayList;
import java.util.List;

import org.evcharging.api.message.Response;
import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.driver.portal.Step.StepKind;

/**
 * One charge request of a driver, from "sent" to its ticket or refusal. Not thread-safe: its
 * {@link DriverAccount} guards it.
 */
final class SessionTrack {

    enum Stage { SENT, ACCEPTED, CHARGING, REFUSED, ENDED }

    private final String cpId;
    private final String requestId;
    private final List<Step> steps = new ArrayList<>();
    private final Metering metering = new Metering();
    private Stage stage = Stage.SENT;
    private String sessionId;
    private long startedAt;
    private long endedAt;
    private String stopRequestId;
    private String refusal;
    private Ticket ticket;

    SessionTrack(String cpId, String requestId, long now) {
        this.cpId = cpId;
        this.requestId = requestId;
        steps.add(new Step(now, StepKind.SENT, "Request sent for charging point " + cpId));
    }

    /**
     * A session this portal did not request: another portal instance, or the CP's own menu, asked
     * for it under this driver's id. Following it keeps every screen of the driver in agreement.
     */
    static SessionTrack adopted(String cpId, String sessionId, long now) {
        SessionTrack track = new SessionTrack(cpId, "", sessionId, now);
        track.stage = Stage.ACCEPTED;
        return track;
    }

    private SessionTrack(String cpId, String requestId, String sessionId, long now) {
        this.cpId = cpId;
        this.requestId = requestId;
        this.sessionId = sessionId;
        steps.add(new Step(now, StepKind.ACCEPTED, "Session " + sessionId + " at " + cpId + " requested elsewhere"));
    }

    boolean answers(Response reply) {
        return requestId.equals(reply.messageId());
    }

    boolean answersStop(Response reply) {
        return stopRequestId != null && stopRequestId.equals(reply.messageId());
    }

    boolean concerns(String session) {
        return sessionId != null && sessionId.equals(session);
    }

    /** Central's answer to the charge request; a duplicate changes nothing. */
    boolean onReply(Response reply, long now) {
        if (stage != Stage.SENT) {
            return false;
        }
        if (reply.succeeded()) {
            stage = Stage.ACCEPTED;
            sessionId = reply.sessionId();
            steps.add(new Step(now, StepKind.ACCEPTED, "Accepted by Central: session " + sessionId));
        } else {
            stage = Stage.REFUSED;
            refusal = reply.info();
            endedAt = now;
            steps.add(new Step(now, StepKind.REFUSED, "Refused: " + refusal));
        }
        return true;
    }

    boolean onStopReply(Response reply, long now) {
        String text = reply.succeeded() ? "Central is ending the supply" : "Stop refused: " + reply.info();
        stopRequestId = null;
        steps.add(new Step(now, reply.succeeded() ? StepKind.STOP : StepKind.WARNING, text));
        return true;
    }

    boolean onUpdate(ChargingStatusUpdate update, long now, long kafkaTimestamp) {
        if (stage == Stage.ENDED || stage == Stage.REFUSED) {
            return false;
        }
        if (update.faultNotice()) {
            steps.add(new Step(now, StepKind.FAULT, update.message()));
            return true;
        }
        if (update.energyConsumedKwh() == null || update.totalCost() == null) {
            return false;
        }
        boolean news = metering.record(update.energyConsumedKwh(), update.totalCost(), now, kafkaTimestamp);
        if (news && stage != Stage.CHARGING) {
            stage = Stage.CHARGING;
            startedAt = now;
            steps.add(new Step(now, StepKind.STARTED, "Charging started at " + cpId));
        }
        return news;
    }

    /** The ticket ends the session; later updates for it are stale and ignored. */
    boolean onCompletion(ChargeCompletion completion, long now) {
        if (ticket != null) {
            return false;
        }
        ticket = TicketOf.completion(completion);
        stage = Stage.ENDED;
        endedAt = now;
        metering.stop();
        if (completion.energyConsumedKwh() != null && completion.totalCost() != null) {
            metering.record(completion.energyConsumedKwh(), completion.totalCost(), now, metering.lastKafkaTimestamp());
        }
        String how = completion.ending().map(SessionEnding::description).orElse("Session ended");
        steps.add(new Step(now, StepKind.ENDED, how + " - ticket issued"));
        return true;
    }

    void stopRequested(String requestId, long now) {
        stopRequestId = requestId;
        steps.add(new Step(now, StepKind.STOP, "Stop requested"));
    }

    boolean live() {
        return stage == Stage.SENT || stage == Stage.ACCEPTED || stage == Stage.CHARGING;
    }

    boolean stoppable() {
        return (stage == Stage.ACCEPTED || stage == Stage.CHARGING) && sessionId != null;
    }

    String cpId() {
        return cpId;
    }

    String sessionId() {
        return sessionId;
    }

    Stage stage() {
        return stage;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    Metering metering() {
        return metering;
    }

    long startedAt() {
        return startedAt;
    }

    long endedAt() {
        return endedAt;
    }

    String refusal() {
        return refusal;
    }

    Ticket ticket() {
        return ticket;
    }
}
