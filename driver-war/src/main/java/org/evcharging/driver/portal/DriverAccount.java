package org.evcharging.driver.portal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.ChargingHistoryRequest;
import org.evcharging.api.message.driver.ChargingHistoryResponse;
import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.message.driver.StopChargingRequest;
import org.evcharging.api.message.session.ChargeCompletion;

/**
 * Everything the portal knows for one driver id, kept server-side so every browser signed in as
 * that driver shows the same thing and a driver who closed the browser finds it all when back.
 * Fed by the Kafka bridge; every change is announced to {@link AccountEvents}.
 */
public final class DriverAccount {

    private static final int REMEMBERED_IDS = 2000;

    private final String driverId;
    private final RequestSender sender;
    private final AccountEvents events;
    private final PendingRequests pending = new PendingRequests();
    private final Map<String, Ticket> ticketsBySession = new LinkedHashMap<>();
    private final List<Ticket> centralHistory = new ArrayList<>();
    /** Records seen, by message id: retries and double paths deliver some twice (10.1, 10.2). */
    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });
    private SessionTrack current;
    private ServiceRun services;

    DriverAccount(String driverId, RequestSender sender, AccountEvents events) {
        this.driverId = driverId;
        this.sender = sender;
        this.events = events;
    }

    public String driverId() {
        return driverId;
    }

    /** Sends a charge request unless one is already under way; returns why not otherwise. */
    public synchronized Optional<String> requestCharge(String cpId) {
        if (current != null && current.live()) {
            return Optional.of("You already have a charge under way at " + current.cpId() + ".");
        }
        ChargeRequest request = ChargeRequest.of(cpId, driverId);
        current = new SessionTrack(cpId, request.messageId(), now());
        send(request);
        return Optional.empty();
    }

    public synchronized Optional<String> stop() {
        if (current == null || !current.stoppable()) {
            return Optional.of("There is no charge to stop.");
        }
        StopChargingRequest request = StopChargingRequest.of(current.sessionId(), current.cpId(), driverId);
        current.stopRequested(request.messageId(), now());
        send(request);
        return Optional.empty();
    }

    public synchronized void askHistory() {
        send(ChargingHistoryRequest.of(driverId));
    }

    public synchronized Optional<String> runServices(List<String> cpIds) {
        if (cpIds.isEmpty()) {
            return Optional.of("Enter at least one charging point id.");
        }
        if ((services != null && !services.finished()) || (current != null && current.live())) {
            return Optional.of("Wait until the charge under way has ended.");
        }
        services = new ServiceRun(cpIds);
        startNextService();
        return Optional.empty();
    }

    /** Called after the pause that follows each ending of a service. */
    synchronized void startNextService() {
        if (services != null && services.hasNext() && !services.running() && (current == null || !current.live())) {
            requestCharge(services.startNext());
        }
    }

    synchronized void accept(WireMessage message, long kafkaTimestamp) {
        if (message.messageId() != null && !seen.add(message.messageId())) {
            return;
        }
        boolean changed = pending.answered(message.messageId());
        long now = now();
        adoptIfNew(message, now);
        if (message instanceof Response reply && current != null) {
            if (current.answers(reply)) {
                changed |= current.onReply(reply, now);
            } else if (current.answersStop(reply)) {
                changed |= current.onStopReply(reply, now);
            }
        } else if (message instanceof ChargingStatusUpdate update && current != null && current.concerns(update.sessionId())) {
            changed |= current.onUpdate(update, now, kafkaTimestamp);
        } else if (message instanceof ChargeCompletion completion) {
            changed |= onCompletion(completion, now);
        } else if (message instanceof ChargingHistoryResponse history && history.history() != null) {
            centralHistory.clear();
            history.history().forEach(entry -> centralHistory.add(TicketOf.history(entry)));
            changed = true;
        }
        changed |= followServices();
        if (changed) {
            events.changed(this);
        }
    }

    /** Follows a session of this driver that was requested elsewhere, unless one is already followed. */
    private void adoptIfNew(WireMessage message, long now) {
        if (current != null && current.live()) {
            return;
        }
        if (message instanceof Response reply && reply.succeeded() && reply.sessionId() != null && !reply.sessionId().isEmpty()
                && MessageType.CHARGE_REQUEST.responseType().equals(reply.type()) && !knownSession(reply.sessionId())) {
            current = SessionTrack.adopted(reply.cpId(), reply.sessionId(), now);
        } else if (message instanceof ChargingStatusUpdate update && !update.faultNotice() && update.sessionId() != null
                && update.cpId() != null && !knownSession(update.sessionId())) {
            current = SessionTrack.adopted(update.cpId(), update.sessionId(), now);
        }
    }

    private boolean knownSession(String sessionId) {
        return ticketsBySession.containsKey(sessionId) || (current != null && current.concerns(sessionId));
    }

    private boolean onCompletion(ChargeCompletion completion, long now) {
        if (completion.sessionId() == null || ticketsBySession.containsKey(completion.sessionId())) {
            return false;
        }
        ticketsBySession.put(completion.sessionId(), TicketOf.completion(completion));
        if (current != null && current.concerns(completion.sessionId())) {
            current.onCompletion(completion, now);
        }
        return true;
    }

    /** Moves a service list on when its current charge has ended (refused or ticketed). */
    private boolean followServices() {
        if (services == null || !services.running() || current == null) {
            return false;
        }
        if (current.live()) {
            services.progress(current.metering().started() ? "Charging" : "Requested");
            return true;
        }
        boolean refused = current.stage() == SessionTrack.Stage.REFUSED;
        String outcome = refused ? "Refused: " + current.refusal()
                : String.format("%.3f kWh, %.2f EUR", current.metering().energyKwh(), current.metering().cost());
        long pause = events.servicePauseMs();
        if (services.ended(!refused, outcome, now() + pause)) {
            events.schedule(this::startNextService, pause);
        }
        return true;
    }

    /** Resends what Central has not answered; returns true if the driver's view changed. */
    synchronized boolean checkOverdue(long timeoutMs) {
        long now = now();
        boolean wasSilent = pending.overdue(now - 1, timeoutMs);
        pending.dueForResend(now, timeoutMs).forEach(request -> sender.send(request, driverId));
        return wasSilent != pending.overdue(now, timeoutMs) || pending.overdue(now, timeoutMs);
    }

    synchronized boolean centralSilent(long timeoutMs) {
        return pending.overdue(now(), timeoutMs);
    }

    public synchronized AccountView view(long timeoutMs) {
        long now = now();
        List<Ticket> tickets = new ArrayList<>(ticketsBySession.values());
        Collections.reverse(tickets);
        centralHistory.stream().filter(t -> !ticketsBySession.containsKey(t.sessionId())).forEach(tickets::add);
        return new AccountView(driverId, pending.overdue(now, timeoutMs), sessionView(now), tickets, servicesView(now));
    }

    private AccountView.SessionView sessionView(long now) {
        if (current == null) {
            return null;
        }
        Metering m = current.metering();
        long start = current.startedAt();
        long end = current.live() ? now : current.endedAt();
        long elapsed = start == 0 ? 0 : Math.max(0, end - start);
        return new AccountView.SessionView(current.cpId(), current.sessionId(), current.stage().name(), current.steps(),
                m.energyKwh(), m.cost(), current.live() ? m.powerKw() : 0, elapsed, m.lastKafkaTimestamp(),
                current.live(), current.stoppable(), m.started(), current.ticket());
    }

    private AccountView.ServicesView servicesView(long now) {
        if (services == null) {
            return null;
        }
        List<AccountView.ServiceItem> items = services.items().stream()
                .map(i -> new AccountView.ServiceItem(i.cpId(), i.state().name(), i.outcome())).toList();
        long pauseLeft = Math.max(0, services.pausedUntil() - now);
        return new AccountView.ServicesView(items, services.finishedCount(), pauseLeft, services.finished());
    }

    private void send(WireMessage request) {
        pending.add(request, now());
        sender.send(request, driverId);
        events.changed(this);
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
