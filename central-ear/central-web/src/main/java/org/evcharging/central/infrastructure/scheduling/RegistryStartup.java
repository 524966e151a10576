package org.evcharging.central.infrastructure.scheduling;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import org.evcharging.central.application.SessionService;

/**
 * First thing on every start: all known CPs are loaded and shown DISCONNECTED until their Monitors
 * connect, and sessions left running are followed again.
 */
@ApplicationScoped
public class RegistryStartup {

    @Inject
    SessionService sessions;

    void load(@Observes @Priority(50) Startup event) {
        sessions.resumeAfterRestart();
    }
}
