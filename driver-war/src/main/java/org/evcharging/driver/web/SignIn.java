package org.evcharging.driver.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Backs the sign-in form of the start page. */
@Named
@RequestScoped
public class SignIn {

    private String driverId;

    public String getDriverId() {
        return driverId;
    }

    public void setDriverId(String driverId) {
        this.driverId = driverId == null ? null : driverId.trim();
    }

    public String submit() {
        return null;
    }
}
