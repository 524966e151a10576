package org.evcharging.driver.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.evcharging.driver.facade.DriverPortalFacade;

/** Backs history.xhtml: each visit asks Central for the driver's completed sessions. */
@Named
@RequestScoped
public class History {

    @Inject
    DriverPortalFacade portal;

    @Inject
    DriverSession session;

    public void refresh() {
        if (session.isSignedIn()) {
            portal.refreshHistory(session.getDriverId());
        }
    }
}
