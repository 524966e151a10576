package org.evcharging.central.application.audit;

/**
 * Where the audit log is kept. Recording must never fail the action it records: an implementation
 * that cannot store an entry logs it and carries on.
 */
public interface AuditTrail {

    void record(AuditEntry entry);
}
