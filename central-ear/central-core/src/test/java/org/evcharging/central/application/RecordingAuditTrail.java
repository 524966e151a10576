package org.evcharging.central.application;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.application.audit.AuditTrail;

/** The audit log as a list, for asserting what was recorded. */
final class RecordingAuditTrail implements AuditTrail {

    final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEntry entry) {
        entries.add(entry);
    }

    List<AuditEntry> refusals() {
        return entries.stream().filter(e -> e.outcome() == AuditEntry.Outcome.REFUSED).toList();
    }
}
