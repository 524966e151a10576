package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.domain.model.chargingpoint.Registration;

/**
 * The operator panel's live feed: notices fired where things happen (requests, decisions), plus a
 * line for every committed change of a CP's state or registration, so faults, recoveries,
 * disconnections and operator stops appear without each place announcing them. The most recent
 * lines are kept for a panel that opens later.
 */
@ApplicationScoped
public class PanelFeed {

    @Inject
    CentralSettings settings;

    private final Deque<PanelNotice> recent = new ArrayDeque<>();
    private final Map<String, ChargingPointChanged> lastSeen = new ConcurrentHashMap<>();
    private final List<Consumer<PanelNotice>> listeners = new CopyOnWriteArrayList<>();

    /** Newest first. */
    public synchronized List<PanelNotice> recent() {
        return List.copyOf(recent);
    }

    public void subscribe(Consumer<PanelNotice> listener) {
        listeners.add(listener);
    }

    void notice(@Observes PanelNotice notice) {
        synchronized (this) {
            recent.addFirst(notice);
            while (recent.size() > settings.panelFeedSize()) {
                recent.removeLast();
            }
        }
        listeners.forEach(listener -> listener.accept(notice));
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChargingPointChanged change) {
        ChargingPointChanged before = lastSeen.put(change.cpId(), change);
        if (before != null && before.registration() == Registration.PENDING
                && change.registration() == Registration.AUTHORIZED) {
            notice(PanelNotice.operator("authorized", change.cpId()));
        }
        if (before == null && change.registration() == Registration.PENDING) {
            notice(PanelNotice.of(PanelNotice.Kind.STATE, change.cpId(), null,
                    "CP " + change.cpId() + " waits for authorization"));
        }
        ChargingPointState was = before == null ? null : before.state();
        if (was != change.state()) {
            notice(transition(change.cpId(), was, change.state()));
        }
    }

    private static PanelNotice transition(String cpId, ChargingPointState was, ChargingPointState now) {
        String text = "CP " + cpId + " is " + now.name() + (was == null ? "" : " (was " + was.name() + ")");
        PanelNotice.Kind kind = now == ChargingPointState.FAULTY ? PanelNotice.Kind.FAULT
                : was == ChargingPointState.FAULTY && now.acceptsNewCharge() ? PanelNotice.Kind.RECOVERY
                : PanelNotice.Kind.STATE;
        return PanelNotice.of(kind, cpId, null, text);
    }
}
