package org.evcharging.central.application.driver;

/** The sign-in limits of driver accounts; the server's configuration supplies them. */
public interface DriverSignInSettings {

    SignInLimits signInLimits();
}
