package org.evcharging.driver.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Optional;

import org.evcharging.driver.facade.DriverPortalFacade;

/** Backs charging-points.xhtml: the charge request. The list itself arrives by push. */
@Named
@RequestScoped
public class ChargingPoints {

    @Inject
    DriverPortalFacade portal;

    @Inject
    DriverSession session;

    private String cpId;

    public String getCpId() {
        return cpId;
    }

    public void setCpId(String cpId) {
        this.cpId = cpId == null ? null : cpId.trim();
    }

    public String request() {
        Optional<String> problem = portal.requestCharge(session.getDriverId(), cpId);
        if (problem.isPresent()) {
            Messages.error(problem.get());
            return "charging-points?faces-redirect=true";
        }
        return "live-session?faces-redirect=true";
    }
}
