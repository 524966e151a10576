package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.LiveSession;

/** Every session that has not ended, by session, CP and driver: the telemetry path never reads the database. */
@ApplicationScoped
public class RunningSessions {

    private final Map<String, LiveSession> bySession = new ConcurrentHashMap<>();
    private final Map<CpId, LiveSession> byCp = new ConcurrentHashMap<>();
    private final Map<String, LiveSession> byDriver = new ConcurrentHashMap<>();

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
        return removed;
    }

    public Optional<LiveSession> get(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(bySession.get(sessionId));
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
