package org.evcharging.driver.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.evcharging.driver.accounts.AccountAnswer;
import org.evcharging.driver.accounts.CentralAccounts;
import org.evcharging.driver.facade.DriverPortalFacade;

/** Backs sign-up.xhtml: a driver chooses an id and a password, then is signed in with them. */
@Named
@RequestScoped
public class SignUp extends CredentialsForm {

    @Inject
    CentralAccounts central;

    @Inject
    SignIn signIn;

    @Inject
    HttpServletRequest request;

    private String confirmation;

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    public String submit() {
        if (!DriverPortalFacade.validId(getDriverId())) {
            SignIn.error("signup:driverId", "Use letters, digits and _ . : - only (up to 64).");
            return null;
        }
        if (getPassword() == null || !getPassword().equals(confirmation)) {
            SignIn.error("signup:confirmation", "The two passwords differ.");
            return null;
        }
        AccountAnswer answer = central.signUp(getDriverId(), getPassword(), request.getRemoteAddr());
        if (!answer.accepted()) {
            SignIn.error(null, answer.message());
            return null;
        }
        if (!signIn.signIn(getDriverId(), getPassword())) {
            SignIn.error(null, "Your account is ready, but signing in failed: sign in from the start page.");
            return null;
        }
        return "charging-points?faces-redirect=true";
    }
}
