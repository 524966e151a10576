package org.evcharging.central.domain.model.audit;

import java.util.List;

/** Where the audit log is kept. Callers run inside a transaction. */
public interface AuditRecordRepository {

    void add(AuditRecord record);

    /** The records matching the query, newest first. */
    List<AuditRecord> find(AuditQuery query);
}
