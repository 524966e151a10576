package org.evcharging.driver.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.evcharging.driver.facade.DriverPortalFacade;

/** Backs live-session.xhtml: the figures arrive by push; the stop button comes here. */
@Named
@RequestScoped
public class LiveSession {

    @Inject
    DriverPortalFacade portal;

    @Inject
    DriverSession session;

    public String stop() {
        portal.stop(session.getDriverId()).ifPresent(Messages::error);
        return "live-session?faces-redirect=true";
    }
}
