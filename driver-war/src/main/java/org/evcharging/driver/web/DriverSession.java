package org.evcharging.driver.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;

import java.io.Serializable;

/** Who is signed in in this browser. The driver's state itself lives server-side, per driver id. */
@Named
@SessionScoped
public class DriverSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private String driverId;

    public String getDriverId() {
        return driverId;
    }

    public boolean isSignedIn() {
        return driverId != null;
    }

    void signIn(String driverId) {
        this.driverId = driverId;
    }

    /** View action of every page behind sign-in: back to the start page when nobody is signed in. */
    public String requireSignIn() {
        return isSignedIn() ? null : "index?faces-redirect=true";
    }

    public String signOut() {
        driverId = null;
        return "index?faces-redirect=true";
    }
}
