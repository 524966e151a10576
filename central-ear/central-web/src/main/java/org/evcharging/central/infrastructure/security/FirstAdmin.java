package org.evcharging.central.infrastructure.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import org.evcharging.central.application.accounts.OperatorAccountService;
import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.application.audit.AuditTrail;

/**
 * On the first start (no account yet) the admin named by the configuration is created: after the
 * schema migrations (priority 20), which make the accounts table in a new database.
 */
@ApplicationScoped
public class FirstAdmin {

    @Inject
    OperatorAccountService accounts;

    @Inject
    SecurityConfig config;

    @Inject
    AuditTrail audit;

    static final int PRIORITY = 30;

    void create(@Observes @Priority(PRIORITY) Startup event) {
        if (accounts.createFirstAdmin(config.adminUser(), config.adminPassword().orElse(null))) {
            audit.record(AuditEntry.done("configuration", null, "account.create",
                    "username=" + config.adminUser() + " role=admin"));
        }
    }
}
