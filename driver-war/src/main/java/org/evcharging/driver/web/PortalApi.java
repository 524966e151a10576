package org.evcharging.driver.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The portal's few HTTP resources (the push stream) live under /api. */
@ApplicationPath("api")
public class PortalApi extends Application {
}
