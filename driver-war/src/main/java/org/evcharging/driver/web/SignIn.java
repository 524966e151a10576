package org.evcharging.driver.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.evcharging.driver.facade.DriverPortalFacade;

/** Backs the sign-in form of the start page (index.xhtml). */
@Named
@RequestScoped
public class SignIn {

    @Inject
    DriverPortalFacade portal;

    @Inject
    DriverSession session;

    private String driverId;

    public String getDriverId() {
        return driverId;
    }

    public void setDriverId(String driverId) {
        this.driverId = driverId == null ? null : driverId.trim();
    }

    public String submit() {
        return portal.signIn(driverId).map(id -> {
            session.signIn(id);
            return "charging-points?faces-redirect=true";
        }).orElseGet(() -> {
            FacesContext.getCurrentInstance().addMessage("signin:driverId", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Use letters, digits and _ . : - only (up to 64).", null));
            return null;
        });
    }

    /** View action of the start page: a signed-in driver goes straight to the charging points. */
    public String skipIfSignedIn() {
        return session.isSignedIn() ? "charging-points?faces-redirect=true" : null;
    }
}
