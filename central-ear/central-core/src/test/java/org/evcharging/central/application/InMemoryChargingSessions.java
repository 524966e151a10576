package org.evcharging.central.application;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.ChargingSessionRepository;
import org.evcharging.central.domain.model.session.SessionTotals;

/** The session repository contract on a map. */
final class InMemoryChargingSessions implements ChargingSessionRepository {

    private final Map<String, ChargingSession> byId = new LinkedHashMap<>();
    /** How often a session was looked up by id: what Central spares the database shows here. */
    int finds;

    @Override
    public synchronized Optional<ChargingSession> find(String sessionId) {
        finds++;
        return Optional.ofNullable(byId.get(sessionId));
    }

    @Override
    public synchronized void add(ChargingSession session) {
        byId.put(session.id(), session);
    }

    @Override
    public synchronized List<ChargingSession> findUnfinished() {
        return byId.values().stream().filter(ChargingSession::isRunning).toList();
    }

    @Override
    public synchronized Optional<ChargingSession> findUnfinishedOn(String cpId) {
        return byId.values().stream().filter(s -> s.isRunning() && s.cpId().equals(cpId)).findFirst();
    }

    @Override
    public synchronized List<ChargingSession> findByDriver(String driverId, int limit) {
        return newestFirst().filter(s -> s.belongsTo(driverId)).limit(limit).toList();
    }

    @Override
    public synchronized List<ChargingSession> findAll(int limit) {
        return newestFirst().limit(limit).toList();
    }

    @Override
    public synchronized SessionTotals totals(long sinceMillis) {
        return new SessionTotals(byId.size(), byId.values().stream().filter(s -> s.requestedAtMillis() >= sinceMillis).count(),
                byId.values().stream().map(ChargingSession::energyKwh).reduce(BigDecimal.ZERO, BigDecimal::add),
                byId.values().stream().map(ChargingSession::totalCost).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Override
    public synchronized Optional<ChargingSession> findByRequest(String requestMessageId) {
        return byId.values().stream().filter(s -> requestMessageId.equals(s.requestMessageId())).findFirst();
    }

    @Override
    public synchronized List<ChargingSession> findByRequests(Collection<String> requestMessageIds) {
        return byId.values().stream().filter(s -> requestMessageIds.contains(s.requestMessageId())).toList();
    }

    private java.util.stream.Stream<ChargingSession> newestFirst() {
        return byId.values().stream().sorted(Comparator.comparingLong(ChargingSession::requestedAtMillis).reversed());
    }
}
