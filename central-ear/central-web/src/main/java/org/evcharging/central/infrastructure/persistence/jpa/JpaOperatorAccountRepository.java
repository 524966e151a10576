package org.evcharging.central.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

import org.evcharging.central.domain.model.operator.OperatorAccount;
import org.evcharging.central.domain.model.operator.OperatorAccountRepository;
import org.evcharging.central.domain.model.operator.OperatorRole;

@ApplicationScoped
public class JpaOperatorAccountRepository implements OperatorAccountRepository {

    @PersistenceContext(unitName = "central")
    EntityManager em;

    @Override
    public Optional<OperatorAccount> find(String username) {
        return Optional.ofNullable(em.find(OperatorAccount.class, username));
    }

    @Override
    public void add(OperatorAccount account) {
        em.persist(account);
    }

    @Override
    public List<OperatorAccount> findAll() {
        return em.createNamedQuery("OperatorAccount.findAll", OperatorAccount.class).getResultList();
    }

    @Override
    public long countEnabledAdmins() {
        return em.createNamedQuery("OperatorAccount.countEnabledAdmins", Long.class)
                .setParameter("role", OperatorRole.ADMIN).setParameter("enabled", true).getSingleResult();
    }
}
