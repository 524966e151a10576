package org.evcharging.driver.web;

/** The driver id and password of the sign-in and sign-up forms (public: EL reads its getters by reflection). */
public abstract class CredentialsForm {

    private String driverId;
    private String password;

    public String getDriverId() {
        return driverId;
    }

    public void setDriverId(String driverId) {
        this.driverId = driverId == null ? null : driverId.trim();
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
