package org.evcharging.central.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evcharging.central.application.SystemStatistics;
import org.evcharging.central.domain.model.operator.OperatorRole;

/** System statistics (menu 11). */
@Path("statistics")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed(OperatorRole.VIEWER_ROLE)
@Tag(name = "System", description = "Admin menu 11")
@APIResponse(responseCode = "401", description = "No or wrong operator credentials")
public class StatisticsResource {

    @Inject
    SystemStatistics statistics;

    @GET
    @Operation(summary = "System statistics (menu 11)", description = "CPs by state, pending authorizations,"
            + " connected Monitors, sessions running / today / in total, energy delivered, revenue,"
            + " connected drivers (drivers with a session running) and uptime")
    @APIResponse(responseCode = "200", description = "The figures now")
    public SystemStatistics.Snapshot get() {
        return statistics.snapshot();
    }
}
