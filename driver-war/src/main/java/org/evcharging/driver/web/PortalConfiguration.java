package org.evcharging.driver.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/** Turns on Faces 4 with CDI for the portal. */
@FacesConfig
@ApplicationScoped
public class PortalConfiguration {
}
