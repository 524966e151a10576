package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.shared.DomainException;

/**
 * Charge requests decided together, e.g. those of one Kafka poll. Every writer shares the
 * database's one connection (SQLite), so a request decided alone waited for it — behind telemetry
 * flushes, registrations and completions — once per request; here the requests wait once and share
 * one commit ({@link SessionStore#openAll}), then each CP is told, in the requests' order. Each
 * request keeps its own answer, as if it had been decided alone: a refusal stays with it, and one
 * the batch cannot decide on its own (its driver already charging, or asking twice in the batch)
 * goes through {@link SessionService#requestCharge} after the others, as all of them do when the
 * shared transaction fails.
 */
@ApplicationScoped
public class ChargeAdmission {

    private static final Logger LOG = Logger.getLogger(ChargeAdmission.class.getName());

    @Inject
    SessionService sessions;

    @Inject
    SessionStore store;

    @Inject
    DriverService drivers;

    @Inject
    Event<PanelNotice> notices;

    /** A driver's charge request: the CP as sent (validated here), and when it was sent (null if unknown). */
    public record Ask(String cpId, String driverId, String requestMessageId, Long sentAtEpochSeconds) {
    }

    /** A request's answer: the session it opened (now or when first delivered), or why it was refused. */
    public record Outcome(ChargingSession session, DomainException refusal) {

        static Outcome opened(ChargingSession session) {
            return new Outcome(session, null);
        }

        static Outcome refused(DomainException refusal) {
            return new Outcome(null, refusal);
        }

        public boolean admitted() {
            return session != null;
        }
    }

    /** One outcome per ask, in the same order. */
    public List<Outcome> admit(List<Ask> asks) {
        Outcome[] outcomes = new Outcome[asks.size()];
        List<Integer> together = new ArrayList<>();
        List<Integer> alone = new ArrayList<>();
        Set<String> asking = new HashSet<>();
        for (int i = 0; i < asks.size(); i++) {
            Ask ask = asks.get(i);
            try {
                drivers.refuseIfExpired(ask.sentAtEpochSeconds());
                CpId.of(ask.cpId());
            } catch (DomainException refusal) {
                outcomes[i] = Outcome.refused(refusal);
                continue;
            }
            boolean plain = asking.add(ask.driverId()) && !sessions.hasSessionInProgress(ask.driverId());
            (plain ? together : alone).add(i);
        }
        if (!openTogether(asks, together, outcomes)) {
            alone.addAll(together);
            alone.sort(null);
        }
        for (int i : alone) {
            outcomes[i] = decideAlone(asks.get(i));
        }
        return Arrays.asList(outcomes);
    }

    /** False when the shared transaction failed: nothing of it was kept, and each request is to be decided alone. */
    private boolean openTogether(List<Ask> asks, List<Integer> together, Outcome[] outcomes) {
        if (together.isEmpty()) {
            return true;
        }
        List<SessionStore.Request> requests = together.stream().map(asks::get)
                .map(ask -> new SessionStore.Request(CpId.of(ask.cpId()), ask.driverId(), ask.requestMessageId()))
                .toList();
        List<SessionStore.Attempt> attempts;
        try {
            attempts = store.openAll(requests);
        } catch (RuntimeException failed) {
            // E.g. another Central opened one of these very requests a moment ago (UNIQUE request id).
            LOG.log(Level.INFO, "Opening " + requests.size() + " charge requests together failed; each is decided alone", failed);
            return false;
        }
        ChargeRequestHops.markEach(ChargeRequestHops.Hop.DB_COMMIT, requests.size());
        for (int k = 0; k < attempts.size(); k++) {
            SessionStore.Request request = requests.get(k);
            notices.fire(PanelNotice.request(request.cpId().value(), request.driverId()));
            outcomes[together.get(k)] = outcomeOf(attempts.get(k));
        }
        return true;
    }

    private Outcome outcomeOf(SessionStore.Attempt attempt) {
        if (attempt.refusal() != null) {
            return Outcome.refused(attempt.refusal());
        }
        if (!attempt.opened().created()) {
            return Outcome.opened(attempt.opened().session());
        }
        try {
            return Outcome.opened(sessions.supply(attempt.opened().session()));
        } catch (DomainException unreachable) {
            return Outcome.refused(unreachable);
        }
    }

    private Outcome decideAlone(Ask ask) {
        try {
            return Outcome.opened(sessions.requestCharge(CpId.of(ask.cpId()), ask.driverId(), ask.requestMessageId()));
        } catch (DomainException refusal) {
            return Outcome.refused(refusal);
        }
    }
}
