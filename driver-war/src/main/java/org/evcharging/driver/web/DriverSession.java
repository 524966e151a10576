package org.evcharging.driver.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.logging.Logger;

/**
 * Who is signed in in this browser: the container's caller principal, set only by a password
 * checked at Central. Every action on a driver's behalf takes the driver from here, never from a
 * form field or a URL, so a forged request can only ever act for the one who sent it.
 */
@Named
@RequestScoped
public class DriverSession {

    private static final Logger LOG = Logger.getLogger(DriverSession.class.getName());

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    public String getDriverId() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? null : caller.getName();
    }

    public boolean isSignedIn() {
        return getDriverId() != null;
    }

    /** View action of every page behind sign-in, besides web.xml: back to the start page when nobody is signed in. */
    public String requireSignIn() {
        return isSignedIn() ? null : "index?faces-redirect=true";
    }

    public String signOut() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            request.logout();
        } catch (ServletException e) {
            LOG.warning(() -> "Sign-out failed: " + e);
        }
        external.invalidateSession();
        return "index?faces-redirect=true";
    }
}
