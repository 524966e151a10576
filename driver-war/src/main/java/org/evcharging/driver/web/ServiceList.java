package org.evcharging.driver.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.evcharging.driver.facade.DriverPortalFacade;

/** Backs service-list.xhtml: the pasted list of CP ids, run one after another. */
@Named
@RequestScoped
public class ServiceList {

    @Inject
    DriverPortalFacade portal;

    @Inject
    DriverSession session;

    private String cpIds;

    public String getCpIds() {
        return cpIds;
    }

    public void setCpIds(String cpIds) {
        this.cpIds = cpIds;
    }

    public String run() {
        portal.runServices(session.getDriverId(), cpIds).ifPresent(Messages::error);
        return "service-list?faces-redirect=true";
    }
}
