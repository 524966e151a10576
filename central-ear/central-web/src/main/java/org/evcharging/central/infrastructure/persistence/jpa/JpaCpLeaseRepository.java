package org.evcharging.central.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.ownership.CpLease;
import org.evcharging.central.domain.model.ownership.CpLeaseRepository;

@ApplicationScoped
public class JpaCpLeaseRepository implements CpLeaseRepository {

    @PersistenceContext(unitName = "central")
    EntityManager em;

    @Override
    public Optional<CpLease> find(CpId cpId) {
        return Optional.ofNullable(em.find(CpLease.class, cpId.value()));
    }

    @Override
    public void add(CpLease lease) {
        em.persist(lease);
        // Now, not at commit: two Centrals creating the same CP's lease find out inside the transaction.
        em.flush();
    }

    @Override
    public void remove(CpLease lease) {
        em.remove(lease);
    }

    @Override
    public int renewAll(String centralId, long untilMillis) {
        return em.createNamedQuery("CpLease.renew").setParameter("until", untilMillis)
                .setParameter("central", centralId).executeUpdate();
    }

    @Override
    public List<CpLease> heldBy(String centralId) {
        return em.createNamedQuery("CpLease.heldBy", CpLease.class).setParameter("central", centralId).getResultList();
    }

    @Override
    public List<CpLease> expired(long nowMillis) {
        return em.createNamedQuery("CpLease.expired", CpLease.class).setParameter("now", nowMillis).getResultList();
    }

    @Override
    public List<CpLease> valid(long nowMillis) {
        return em.createNamedQuery("CpLease.valid", CpLease.class).setParameter("now", nowMillis).getResultList();
    }
}
