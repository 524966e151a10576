package org.evcharging.driver.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.evcharging.driver.accounts.SignInProblem;
import org.evcharging.driver.facade.DriverPortalFacade;

/** Backs the sign-in form of the start page (index.xhtml): a driver id and its password. */
@Named
@RequestScoped
public class SignIn extends CredentialsForm {

    @Inject
    DriverPortalFacade portal;

    @Inject
    DriverSession session;

    @Inject
    SecurityContext security;

    @Inject
    SignInProblem problem;


    public String submit() {
        if (!DriverPortalFacade.validId(getDriverId())) {
            error("signin:driverId", "Use letters, digits and _ . : - only (up to 64).");
            return null;
        }
        if (!signIn(getDriverId(), getPassword())) {
            error(null, problem.message());
            return null;
        }
        return "charging-points?faces-redirect=true";
    }

    /**
     * Hands the credentials to the container, which asks Central; on success the browser's session
     * is a new one (no fixation) and the driver's portal state is ready. Shared with sign-up.
     */
    boolean signIn(String id, String secret) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true).credential(new UsernamePasswordCredential(id, secret == null ? "" : secret)));
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
        }
        if (status != AuthenticationStatus.SUCCESS) {
            return false;
        }
        ((HttpServletRequest) external.getRequest()).changeSessionId();
        portal.signIn(id);
        return true;
    }

    static void error(String forId, String text) {
        FacesContext.getCurrentInstance().addMessage(forId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** View action of the start page: a signed-in driver goes straight to the charging points. */
    public String skipIfSignedIn() {
        return session.isSignedIn() ? "charging-points?faces-redirect=true" : null;
    }
}
