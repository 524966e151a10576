package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;

import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.LiveSession;

/** Every session that has not ended, by session, CP and driver: the telemetry path never reads the database. */
@ApplicationScoped
public class RunningSessions {

    private final Map<String, LiveSession> bySession = new ConcurrentHashMap<>();
    private final Map<CpId, LiveSession> byCp = new ConcurrentHashMap<>();
    private final Map<String, LiveSession> byDriver = new ConcurrentHashMap<>();

    /** Sessions ended lately, so late readings of them (Monitor and Kafka duplicates) need no database read. */
    private static final int RECENTLY_ENDED = 10_000;
    private final Set<String> recentlyEnded = ConcurrentHashMap.newKeySet();
    private final Queue<String> endedOrder = new ConcurrentLinkedQueue<>();

    void add(LiveSession session) {
        bySession.put(session.id(), session);
        byCp.put(session.cpId(), session);
        byDriver.put(session.driverId(), session);
    }

    /** Removes the session; true only for the one caller that removed it (who then owns its ending). */
    boolean remove(LiveSession session) {
        boolean removed = bySession.remove(session.id(), session);
        byCp.remove(session.cpId(), session);
        byDriver.remove(session.driverId(), session);
        if (removed && recentlyEnded.add(session.id())) {
            endedOrder.add(session.id());
            while (endedOrder.size() > RECENTLY_ENDED) {
                String oldest = endedOrder.poll();
                if (oldest != null) {
                    recentlyEnded.remove(oldest);
                }
            }
        }
        return removed;
    }

    public Optional<LiveSession> get(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(bySession.get(sessionId));
    }

    /** Whether the session ran here and ended lately (a late reading of it changes nothing). */
    public boolean endedRecently(String sessionId) {
        return sessionId != null && recentlyEnded.contains(sessionId);
    }

    public Optional<LiveSession> onCp(CpId cpId) {
        return Optional.ofNullable(byCp.get(cpId));
    }

    public Optional<LiveSession> ofDriver(String driverId) {
        return Optional.ofNullable(byDriver.get(driverId));
    }

    public Collection<LiveSession> all() {
        return bySession.values();
    }

    public int size() {
        return bySession.size();
    }
}
