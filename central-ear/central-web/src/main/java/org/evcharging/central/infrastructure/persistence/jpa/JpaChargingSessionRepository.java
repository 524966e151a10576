package org.evcharging.central.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.evcharging.api.model.SessionState;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.ChargingSessionRepository;
import org.evcharging.central.domain.model.session.SessionTotals;

@ApplicationScoped
public class JpaChargingSessionRepository implements ChargingSessionRepository {

    @PersistenceContext(unitName = "central")
    EntityManager em;

    @Override
    public Optional<ChargingSession> find(String sessionId) {
        return Optional.ofNullable(em.find(ChargingSession.class, sessionId));
    }

    @Override
    public void add(ChargingSession session) {
        em.persist(session);
    }

    @Override
    public List<ChargingSession> findUnfinished() {
        return em.createNamedQuery("ChargingSession.findUnfinished", ChargingSession.class)
                .setParameter("states", SessionState.unfinished())
                .getResultList();
    }

    @Override
    public Optional<ChargingSession> findUnfinishedOn(String cpId) {
        return em.createNamedQuery("ChargingSession.findUnfinishedOn", ChargingSession.class)
                .setParameter("cpId", cpId).setParameter("states", SessionState.unfinished())
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<ChargingSession> findByDriver(String driverId, int limit) {
        return em.createNamedQuery("ChargingSession.findByDriver", ChargingSession.class)
                .setParameter("driverId", driverId).setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<ChargingSession> findByRequest(String requestMessageId) {
        return em.createNamedQuery("ChargingSession.findByRequest", ChargingSession.class)
                .setParameter("requestMessageId", requestMessageId).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<ChargingSession> findByRequests(Collection<String> requestMessageIds) {
        if (requestMessageIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("ChargingSession.findByRequests", ChargingSession.class)
                .setParameter("requestMessageIds", requestMessageIds).getResultList();
    }

    @Override
    public SessionTotals totals(long sinceMillis) {
        Object[] row = (Object[]) em.createQuery("SELECT COUNT(s), SUM(s.energyKwh), SUM(s.totalCost),"
                + " SUM(CASE WHEN s.requestedAtMillis >= :since THEN 1 ELSE 0 END) FROM ChargingSession s")
                .setParameter("since", sinceMillis).getSingleResult();
        return new SessionTotals(whole(row[0]), whole(row[3]), decimal(row[1]), decimal(row[2]));
    }

    private static long whole(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** SQLite hands back sums as doubles. */
    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    @Override
    public List<ChargingSession> findAll(int limit) {
        return em.createNamedQuery("ChargingSession.findAll", ChargingSession.class).setMaxResults(limit).getResultList();
    }
}
