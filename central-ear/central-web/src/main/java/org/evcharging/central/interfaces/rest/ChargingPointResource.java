package org.evcharging.central.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.application.OperatorQueries;
import org.evcharging.central.application.OperatorService;
import org.evcharging.central.application.OperatorService.BulkResult;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.operator.OperatorRole;
import org.evcharging.central.interfaces.rest.dto.ChargingPointView;
import org.evcharging.central.domain.shared.InvalidInputException;

/** Charging points: listings and operator actions, on one CP or on "all". */
@Path("charging-points")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed(OperatorRole.VIEWER_ROLE)
@Tag(name = "Charging points", description = "Admin menu 1-4 and 7-10: list, status, authorize, stop, resume")
@APIResponse(responseCode = "401", description = "No or wrong operator credentials")
@APIResponse(responseCode = "403", description = "The account's role does not allow it, or a cross-site request")
public class ChargingPointResource {

    @Inject
    OperatorQueries queries;

    @Inject
    OperatorService operator;

    @GET
    @Operation(summary = "List charging points (menu 1-3)",
            description = "All CPs, or only those in one state: ACTIVE = available (menu 2), CHARGING = active (menu 3)")
    @APIResponse(responseCode = "200", description = "The CPs, ordered by id")
    @APIResponse(responseCode = "400", description = "Unknown state")
    public List<ChargingPointView> list(@Parameter(description = "ACTIVE, STOPPED, CHARGING, FAULTY or DISCONNECTED")
                                        @QueryParam("state") String state) {
        ChargingPointState filter = state == null ? null : ChargingPointState.fromWire(state.toUpperCase())
                .orElseThrow(() -> new InvalidInputException("Unknown state '" + state
                        + "': use ACTIVE, STOPPED, CHARGING, FAULTY or DISCONNECTED"));
        return queries.chargingPoints(filter).stream().map(ChargingPointView::of).toList();
    }

    @GET
    @Path("pending")
    @Operation(summary = "Pending authorizations (menu 7)", description = "CPs that asked to join and wait for an operator")
    @APIResponse(responseCode = "200", description = "The pending CPs")
    public List<ChargingPointView> pending() {
        return queries.chargingPoints(null).stream().map(ChargingPointView::of)
                .filter(ChargingPointView::pendingAuthorization).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Charging point status (menu 4)", description = "With the live supply while it charges")
    @APIResponse(responseCode = "200", description = "The CP")
    @APIResponse(responseCode = "400", description = "Invalid CP id")
    @APIResponse(responseCode = "404", description = "Unknown CP")
    public ChargingPointView get(@PathParam("id") String id) {
        return ChargingPointView.of(queries.chargingPoint(CpId.of(id)));
    }

    @PUT
    @Path("{id}/details")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a CP's location and price",
            description = "For CPs whose protocol does not carry them (OCPP); a field left out keeps its value. "
                    + "A course CP's own registration overrides them.")
    @APIResponse(responseCode = "200", description = "The CP with its new details")
    @APIResponse(responseCode = "400", description = "Blank location or negative price")
    @APIResponse(responseCode = "404", description = "Unknown CP")
    public ChargingPointView describe(@PathParam("id") String id, ChargingPointDetails details) {
        if (details == null) {
            throw new InvalidInputException("Send {\"location\": ..., \"price_per_kwh\": ...}");
        }
        return ChargingPointView.of(operator.describe(CpId.of(id), details.location(), details.pricePerKwh()));
    }

    /** The body of a details change: either field may be left out. */
    public record ChargingPointDetails(String location, BigDecimal pricePerKwh) {
    }

    @POST
    @Path("{id}/authorize")
    @RolesAllowed(OperatorRole.OPERATOR_ROLE)
    @Audited("cp.authorize")
    @Operation(summary = "Authorize a pending CP (menu 8)",
            description = "Issues the CP's credential, returned in 'credential' this once; with legacy=true the CP is"
                    + " admitted by its id alone (first-implementation Monitors) and gets none")
    @APIResponse(responseCode = "200", description = "Authorized; a Monitor waiting on its connection registers at once")
    @APIResponse(responseCode = "404", description = "Unknown CP")
    @APIResponse(responseCode = "409", description = "Already authorized")
    public ChargingPointView authorize(@PathParam("id") String id,
                                       @Parameter(description = "Admit by id alone, issue no credential")
                                       @QueryParam("legacy") boolean legacy) {
        return ChargingPointView.of(operator.authorize(CpId.of(id), legacy));
    }

    @POST
    @Path("{id}/stop")
    @RolesAllowed(OperatorRole.OPERATOR_ROLE)
    @Audited("cp.stop")
    @Operation(summary = "Stop a CP: out of order (menu 9)", description = "Ends any supply in progress; the CP turns STOPPED")
    @APIResponse(responseCode = "200", description = "Stopped")
    @APIResponse(responseCode = "404", description = "Unknown CP")
    @APIResponse(responseCode = "409", description = "Already stopped")
    public ChargingPointView stop(@PathParam("id") String id) {
        return ChargingPointView.of(operator.stop(CpId.of(id)));
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed(OperatorRole.OPERATOR_ROLE)
    @Audited("cp.resume")
    @Operation(summary = "Resume a stopped CP (menu 10)")
    @APIResponse(responseCode = "200", description = "Resumed")
    @APIResponse(responseCode = "404", description = "Unknown CP")
    @APIResponse(responseCode = "409", description = "The CP is not stopped")
    public ChargingPointView resume(@PathParam("id") String id) {
        return ChargingPointView.of(operator.resume(CpId.of(id)));
    }

    @POST
    @Path("all/authorize")
    @RolesAllowed(OperatorRole.OPERATOR_ROLE)
    @Audited(value = "cp.authorize", parameters = "target=all")
    @Operation(summary = "Authorize every pending CP (menu 8, 'all')")
    @APIResponse(responseCode = "200", description = "The CPs it was done to, and each refusal with its reason")
    public BulkResult authorizeAll() {
        return operator.authorizeAll();
    }

    @POST
    @Path("all/stop")
    @RolesAllowed(OperatorRole.OPERATOR_ROLE)
    @Audited(value = "cp.stop", parameters = "target=all")
    @Operation(summary = "Stop every authorized CP not yet stopped (menu 9, 'all')")
    @APIResponse(responseCode = "200", description = "The CPs it was done to, and each refusal with its reason")
    public BulkResult stopAll() {
        return operator.stopAll();
    }

    @POST
    @Path("all/resume")
    @RolesAllowed(OperatorRole.OPERATOR_ROLE)
    @Audited(value = "cp.resume", parameters = "target=all")
    @Operation(summary = "Resume every stopped CP (menu 10, 'all')")
    @APIResponse(responseCode = "200", description = "The CPs it was done to, and each refusal with its reason")
    public BulkResult resumeAll() {
        return operator.resumeAll();
    }
}
