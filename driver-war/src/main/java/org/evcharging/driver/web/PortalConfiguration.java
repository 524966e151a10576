package org.evcharging.driver.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Turns on Faces 4 with CDI for the portal, and Jakarta Security's form sign-in: the start page is
 * the sign-in form, whose bean hands the credentials to the container (checked by
 * {@link org.evcharging.driver.accounts.CentralIdentityStore}); pages behind sign-in (web.xml)
 * send a stranger there.
 */
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/index.xhtml", errorPage = "", useForwardToLogin = false))
@FacesConfig
@ApplicationScoped
public class PortalConfiguration {
}
