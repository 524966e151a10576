package org.evcharging.central.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.evcharging.api.model.SessionState;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.ChargingSessionRepository;

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
                .setParameter("states", EnumSet.of(SessionState.REQUESTED, SessionState.AUTHORIZED,
                        SessionState.IN_PROGRESS, SessionState.SUSPENDED))
                .getResultList();
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
    public List<ChargingSession> findAll(int limit) {
        return em.createNamedQuery("ChargingSession.findAll", ChargingSession.class).setMaxResults(limit).getResultList();
    }
}
