package org.evcharging.central.application.driver;

import org.evcharging.central.application.accounts.SignInThrottle;

/** The sign-in limits of driver accounts; the server's configuration supplies them. */
public interface DriverSignInSettings {

    SignInThrottle.Limits signInLimits();
}
