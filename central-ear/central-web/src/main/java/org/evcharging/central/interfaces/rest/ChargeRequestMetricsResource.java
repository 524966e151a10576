package org.evcharging.central.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evcharging.central.application.ChargeRequestHops;
import org.evcharging.central.domain.model.operator.OperatorRole;

/** Where a charge request's time goes inside Central, hop by hop (see docs/performance.md). */
@Path("metrics/charge-request")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed(OperatorRole.VIEWER_ROLE)
@Tag(name = "System")
@APIResponse(responseCode = "401", description = "No or wrong operator credentials")
public class ChargeRequestMetricsResource {

    @GET
    @Operation(summary = "Per-hop latency of charge requests since start or the last reset",
            description = "count, mean, p50/p90/p99 (histogram bucket bounds) and max per hop, in microseconds")
    public Map<String, Map<String, Object>> get() {
        return ChargeRequestHops.snapshot();
    }

    @DELETE
    @RolesAllowed(OperatorRole.OPERATOR_ROLE)
    @Audited("metrics.reset")
    @Operation(summary = "Resets the per-hop histograms")
    @APIResponse(responseCode = "204", description = "Reset")
    public void reset() {
        ChargeRequestHops.reset();
    }
}
