package org.evcharging.agent.driver;

import java.util.List;
import java.util.function.Consumer;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.AvailableCpsResponse;
import org.evcharging.api.message.driver.ChargingHistoryResponse;
import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.message.driver.ConnectionError;
import org.evcharging.api.message.session.ChargeCompletion;

/**
 * Acts on each message Central (or a faulty Engine) addressed to this driver: shows it, updates
 * the current session, then wakes whoever waits for that answer. Showing comes first so that a
 * waiting menu or services run prints its next line after the answer, never before it.
 */
final class ResponseHandler implements Consumer<WireMessage> {

    private final String driverId;
    private final PendingRequests pending;
    private final SessionTracker sessions;
    private final DriverView view;
    private volatile String lastChargeRequestId;

    ResponseHandler(String driverId, PendingRequests pending, SessionTracker sessions, DriverView view) {
        this.driverId = driverId;
        this.pending = pending;
        this.sessions = sessions;
        this.view = view;
    }

    /** The answer to this request is the driver's last charge, asked at start, not a menu choice. */
    void showAsLastCharge(String requestMessageId) {
        lastChargeRequestId = requestMessageId;
    }

    @Override
    public void accept(WireMessage message) {
        if (message instanceof Response reply) {
            reply(reply);
        } else if (message instanceof AvailableCpsResponse cps) {
            answered(cps, () -> {
                if (cps.chargingPoints() != null) {
                    view.availableCps(cps.chargingPoints());
                } else {
                    view.line("Cannot list charging points: " + firstOf(cps.error(), cps.info()));
                }
            });
        } else if (message instanceof ChargingHistoryResponse history && history.messageId().equals(lastChargeRequestId)) {
            lastChargeRequestId = null;
            if (history.history() != null && !history.history().isEmpty()) {
                view.lastCharge(history.history().get(0));
            }
        } else if (message instanceof ChargingHistoryResponse history) {
            answered(history, () -> {
                if (history.history() != null) {
                    view.history(history.history());
                } else {
                    view.line("Cannot show history: " + firstOf(history.error(), history.info()));
                }
            });
        } else if (message instanceof ChargingStatusUpdate update) {
            statusUpdate(update);
        } else if (message instanceof ChargeCompletion ticket) {
            if (sessions.finish(ticket)) {
                view.ticket(ticket, driverId);
            }
        } else if (message instanceof ConnectionError error) {
            view.line(error.reason() + ": " + error.info());
        }
        // Other types on driver_responses are not for drivers.
    }

    private void reply(Response reply) {
        boolean charge = MessageType.CHARGE_REQUEST.responseType().equals(reply.type());
        boolean stop = MessageType.STOP_CHARGING_REQUEST.responseType().equals(reply.type());
        if (!charge && !stop) {
            return;
        }
        answered(reply, () -> {
            if (charge && reply.succeeded()) {
                view.line("Accepted: session " + reply.sessionId() + " at " + reply.cpId());
                if (!sessions.start(reply.sessionId(), reply.cpId())) {
                    view.line("Session " + reply.sessionId() + " already ended (its ticket came first)");
                }
            } else if (charge) {
                view.line("Refused: " + reply.info());
            } else if (reply.succeeded()) {
                view.line("Stop accepted: " + reply.info());
            } else {
                view.line("Stop refused: " + reply.info());
            }
        });
    }

    private void statusUpdate(ChargingStatusUpdate update) {
        if (update.faultNotice()) {
            if (sessions.current().filter(c -> c.sessionId().equals(update.sessionId())).isPresent()) {
                view.line(firstOf(update.message(), update.reason()) + " ("
                        + DriverView.amounts(update.energyConsumedKwh(), update.totalCost()) + ")");
            }
            return;
        }
        sessions.progress(update.sessionId(), update.energyConsumedKwh(), update.totalCost())
                .ifPresent(c -> view.progress(c.cpId(), c.energyKwh(), c.cost()));
    }

    /** Shows a reply once, however often Kafka delivers it, then releases its waiter. */
    private void answered(WireMessage reply, Runnable show) {
        if (pending.firstAnswer(reply.messageId())) {
            show.run();
            pending.complete(reply.messageId(), reply);
        }
    }

    private static String firstOf(String... texts) {
        return List.of(texts).stream().filter(t -> t != null && !t.isBlank()).findFirst().orElse("no reason given");
    }
}
