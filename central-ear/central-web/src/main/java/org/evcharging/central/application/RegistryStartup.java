package org.evcharging.central.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/** On every start, all known CPs are loaded and shown DISCONNECTED until their Monitors connect. */
@ApplicationScoped
public class RegistryStartup {

    private static final Logger LOG = Logger.getLogger(RegistryStartup.class.getName());

    @Inject
    ChargingPointService chargingPoints;

    void load(@Observes @Priority(50) Startup event) {
        int count = chargingPoints.markAllDisconnected();
        LOG.info(() -> "Loaded " + count + " charging points; each is DISCONNECTED until its Monitor connects");
    }
}
