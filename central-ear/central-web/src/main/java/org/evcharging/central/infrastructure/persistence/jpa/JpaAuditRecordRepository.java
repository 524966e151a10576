package org.evcharging.central.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.List;

import org.evcharging.central.domain.model.audit.AuditQuery;
import org.evcharging.central.domain.model.audit.AuditRecord;
import org.evcharging.central.domain.model.audit.AuditRecordRepository;

@ApplicationScoped
public class JpaAuditRecordRepository implements AuditRecordRepository {

    @PersistenceContext(unitName = "central")
    EntityManager em;

    @Override
    public void add(AuditRecord record) {
        em.persist(record);
    }

    @Override
    public List<AuditRecord> find(AuditQuery q) {
        List<String> where = new ArrayList<>();
        if (q.actor() != null) {
            where.add("r.actor = :actor");
        }
        if (q.action() != null) {
            where.add("r.action = :action");
        }
        if (q.outcome() != null) {
            where.add("r.outcome = :outcome");
        }
        if (q.from() != null) {
            where.add("r.atMillis >= :from");
        }
        if (q.to() != null) {
            where.add("r.atMillis < :to");
        }
        String jpql = "SELECT r FROM AuditRecord r" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY r.atMillis DESC, r.id DESC";
        TypedQuery<AuditRecord> query = em.createQuery(jpql, AuditRecord.class);
        if (q.actor() != null) {
            query.setParameter("actor", q.actor());
        }
        if (q.action() != null) {
            query.setParameter("action", q.action());
        }
        if (q.outcome() != null) {
            query.setParameter("outcome", q.outcome());
        }
        if (q.from() != null) {
            query.setParameter("from", q.from().toEpochMilli());
        }
        if (q.to() != null) {
            query.setParameter("to", q.to().toEpochMilli());
        }
        return query.setFirstResult(q.offset()).setMaxResults(q.limit()).getResultList();
    }
}
