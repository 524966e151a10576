package org.evcharging.central.infrastructure.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.domain.model.audit.AuditRecord;
import org.evcharging.central.domain.model.audit.AuditRecordRepository;

/** Stores one entry in a transaction of its own: the action's transaction never carries it. */
@ApplicationScoped
public class AuditWriter {

    @Inject
    AuditRecordRepository repository;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(AuditEntry entry) {
        repository.add(AuditRecord.of(entry));
    }
}
