package org.evcharging.central.infrastructure.audit;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.application.audit.AuditTrail;

/** The audit log as server log lines, until the database keeps it. */
@ApplicationScoped
public class LoggingAuditTrail implements AuditTrail {

    private static final Logger LOG = Logger.getLogger("org.evcharging.central.audit");

    @Override
    public void record(AuditEntry entry) {
        LOG.log(entry.outcome() == AuditEntry.Outcome.REFUSED ? Level.WARNING : Level.INFO,
                "{0} {1} from {2}: {3} [{4}] {5}", new Object[] {entry.outcome(), entry.actor(),
                        entry.sourceIp(), entry.action(), entry.parameters(), entry.detail() == null ? "" : entry.detail()});
    }
}
