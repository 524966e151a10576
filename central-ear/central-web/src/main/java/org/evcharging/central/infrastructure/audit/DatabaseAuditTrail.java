package org.evcharging.central.infrastructure.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.application.audit.AuditTrail;

/**
 * The audit log in Central's database. Each entry is written on a pooled thread, so recording
 * neither slows nor fails the action it records; it is also a server log line, which survives a
 * database that cannot be written.
 */
@ApplicationScoped
public class DatabaseAuditTrail implements AuditTrail {

    private static final Logger LOG = Logger.getLogger("org.evcharging.central.audit");

    @Resource
    ManagedExecutorService executor;

    @Inject
    AuditWriter writer;

    @Override
    public void record(AuditEntry entry) {
        LOG.log(entry.outcome() == AuditEntry.Outcome.REFUSED ? Level.WARNING : Level.INFO,
                "{0} {1} from {2}: {3} [{4}] {5}", new Object[] {entry.outcome(), entry.actor(),
                        entry.sourceIp(), entry.action(), entry.parameters(), entry.detail() == null ? "" : entry.detail()});
        try {
            executor.execute(() -> store(entry));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.SEVERE, "Audit entry not stored (executor refused it): " + entry, e);
        }
    }

    private void store(AuditEntry entry) {
        try {
            writer.write(entry);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Audit entry not stored in the database: " + entry, e);
        }
    }
}
