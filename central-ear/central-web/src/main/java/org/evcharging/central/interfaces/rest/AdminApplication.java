package org.evcharging.central.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Central's admin REST API, under /api: everything the design's admin console offers, for the
 * console, the live panel and scripts. Operators authenticate with HTTP Basic (accounts in the database); the
 * OpenAPI document is at /openapi and its UI at /openapi/ui.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "EV Charging - Central admin API", version = "1.0",
        description = "Charging points, sessions, operator actions and statistics. Errors are JSON:"
                + " {\"status\", \"error\", \"message\"}."),
        security = @SecurityRequirement(name = "operator"))
@SecurityScheme(securitySchemeName = "operator", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "An operator account (viewer, operator or admin); the first admin is ADMIN_USER / ADMIN_PASSWORD")
public class AdminApplication extends Application {
}
