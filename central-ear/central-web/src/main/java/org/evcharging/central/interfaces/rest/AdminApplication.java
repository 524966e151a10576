package org.evcharging.central.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Central's admin REST API, under /api. */
@ApplicationPath("/api")
public class AdminApplication extends Application {
}
