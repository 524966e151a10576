package org.evcharging.central.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.ChargingPointRepository;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.chargingpoint.Registration;
import org.evcharging.central.domain.shared.NotFoundException;

@ApplicationScoped
public class JpaChargingPointRepository implements ChargingPointRepository {

    @PersistenceContext(unitName = "central")
    EntityManager em;

    @Override
    public Optional<ChargingPoint> find(CpId id) {
        return Optional.ofNullable(em.find(ChargingPoint.class, id.value()));
    }

    @Override
    public ChargingPoint get(CpId id) {
        return find(id).orElseThrow(() -> new NotFoundException("Charging point " + id + " not registered"));
    }

    @Override
    public void add(ChargingPoint chargingPoint) {
        em.persist(chargingPoint);
    }

    @Override
    public void remove(ChargingPoint chargingPoint) {
        ChargingPoint managed = em.contains(chargingPoint) ? chargingPoint : em.merge(chargingPoint);
        em.remove(managed);
    }

    @Override
    public List<ChargingPoint> findAll() {
        return em.createNamedQuery("ChargingPoint.findAll", ChargingPoint.class).getResultList();
    }

    @Override
    public List<ChargingPoint> findByRegistration(Registration registration) {
        return em.createNamedQuery("ChargingPoint.findByRegistration", ChargingPoint.class)
                .setParameter("registration", registration).getResultList();
    }

    @Override
    public List<ChargingPoint> loadAllAtStart() {
        // Rows written before CPs had an optimistic lock have no version yet; EclipseLink needs one.
        em.createNativeQuery("UPDATE charging_points SET version = 1 WHERE version IS NULL").executeUpdate();
        return findAll();
    }
}
