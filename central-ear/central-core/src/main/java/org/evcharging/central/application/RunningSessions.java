package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;

import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.LiveSession;
import org.evcharging.central.domain.model.session.MeterReading;

/** Every session that has not ended, by session, CP and driver: the telemetry path never reads the database. */
@ApplicationScoped
public class RunningSessions {

    private final Map<String, LiveSession> bySession = new ConcurrentHashMap<>();
    private final Map<CpId, LiveSession> byCp = new ConcurrentHashMap<>();
    private final Map<String, LiveSession> byDriver = new ConcurrentHashMap<>();

    /**
     * Sessions ended lately, with the figures they ended with: late readings and the second copy of a
     * completion (Monitor and Kafka both deliver it) need no database read.
     */
    private static final int RECENTLY_ENDED = 10_000;
    private final Map<String, MeterReading> recentlyEnded = new ConcurrentHashMap<>();
    private final Queue<String> endedOrder = new ConcurrentLinkedQueue<>();

    void add(LiveSession session) {
        bySession.put(session.id(), session);
        byCp.put(session.cpId(), session);
        byDriver.put(session.driverId(), session);
    }

    /**
     * The session ended (its reading is the one it ended with); true only for the one caller that
     * removed it (who then owns its ending).
     */
    boolean remove(LiveSession session) {
        boolean removed = forget(session);
        if (removed && recentlyEnded.putIfAbsent(session.id(), session.reading()) == null) {
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

    /** No longer followed here, without having ended (another Central follows it now). */
    boolean forget(LiveSession session) {
        boolean removed = bySession.remove(session.id(), session);
        byCp.remove(session.cpId(), session);
        byDriver.remove(session.driverId(), session);
        return removed;
    }

    public Optional<LiveSession> get(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(bySession.get(sessionId));
    }

    /** Whether the session ran here and ended lately (a late reading of it changes nothing). */
    public boolean endedRecently(String sessionId) {
        return sessionId != null && recentlyEnded.containsKey(sessionId);
    }

    /** The figures a session that ran here and ended lately ended with. */
    public Optional<MeterReading> endedWith(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(recentlyEnded.get(sessionId));
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
