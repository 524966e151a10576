package org.evcharging.central.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;

import org.evcharging.api.security.PayloadSignature;
import org.evcharging.central.application.PayloadKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evcharging.central.application.ChargingPointRegistry;
import org.evcharging.central.application.Enrolled;
import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.application.audit.AuditTrail;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.operator.OperatorRole;
import org.evcharging.central.interfaces.rest.dto.ChargingPointView;

/**
 * EV_Registry: where the operator registers CPs, sets their location and price, and issues,
 * rotates and revokes their credentials. A secret appears in the one answer that issued it.
 */
@Path("registry/charging-points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Registry", description = "EV_Registry: CP registration, details and credentials")
@APIResponse(responseCode = "401", description = "No or wrong operator credentials")
@APIResponse(responseCode = "403", description = "A viewer: registry changes need the operator role")
// Issuing and revoking credentials is acting on CPs: operators only (a viewer may list, never see a secret).
@RolesAllowed(OperatorRole.OPERATOR_ROLE)
public class RegistryResource {

    @Inject
    ChargingPointRegistry registry;

    @Inject
    AuditTrail audit;

    @Inject
    PayloadKeys payloadKeys;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    @RolesAllowed(OperatorRole.VIEWER_ROLE)
    @Operation(summary = "Registered CPs with their credential status (never the secret)")
    @APIResponse(responseCode = "200", description = "The CP as it is now")
    public List<ChargingPointView> list() {
        return registry.all().stream().map(ChargingPointView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(OperatorRole.VIEWER_ROLE)
    @Operation(summary = "One CP of the registry")
    @APIResponse(responseCode = "404", description = "Unknown CP")
    @APIResponse(responseCode = "200", description = "The CP as it is now")
    public ChargingPointView get(@PathParam("id") String id) {
        return ChargingPointView.of(registry.get(CpId.of(id)));
    }

    @POST
    @Operation(summary = "Register a CP (which authorizes it) and issue its credential",
            description = "Also for a CP waiting in the pending list: its waiting Monitor is admitted at once."
                    + " The answer's 'credential' is shown this once; legacy=true issues none.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "Missing or invalid id, location or price")
    @APIResponse(responseCode = "409", description = "Already registered")
    public Response register(RegistryEntry body) {
        RegistryEntry entry = RegistryEntry.required(body);
        CpId id = entry.cpId();
        Enrolled enrolled = registry.register(id, entry.location(), entry.pricePerKwh(), entry.isLegacy());
        done(id, "registry.register", "location=" + entry.location() + ", price_per_kwh=" + entry.pricePerKwh()
                + (entry.isLegacy() ? ", legacy" : ", credential issued"));
        return Response.status(Response.Status.CREATED).entity(ChargingPointView.of(enrolled)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Set a CP's location and price (only the operator sets them)")
    @APIResponse(responseCode = "404", description = "Unknown CP")
    @APIResponse(responseCode = "200", description = "The CP as it is now")
    public ChargingPointView details(@PathParam("id") String id, RegistryEntry body) {
        RegistryEntry entry = RegistryEntry.required(body);
        ChargingPoint cp = registry.setDetails(CpId.of(id), entry.location(), entry.pricePerKwh());
        done(cp.id(), "registry.details", "location=" + entry.location() + ", price_per_kwh=" + entry.pricePerKwh());
        return ChargingPointView.of(cp);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Deregister a CP: its credential and entry go, its Monitor is disconnected")
    @APIResponse(responseCode = "404", description = "Unknown CP")
    @APIResponse(responseCode = "409", description = "The CP is supplying a charge")
    @APIResponse(responseCode = "200", description = "The CP as it is now")
    public ChargingPointView deregister(@PathParam("id") String id) {
        ChargingPoint cp = registry.deregister(CpId.of(id));
        done(cp.id(), "registry.deregister", null);
        return ChargingPointView.of(cp);
    }

    @POST
    @Path("{id}/credential")
    @Operation(summary = "Issue a new credential (rotate): the old one admits nobody from now on",
            description = "The answer's 'credential' is shown this once. The connected Monitor keeps its link.")
    @APIResponse(responseCode = "404", description = "Unknown CP")
    @APIResponse(responseCode = "200", description = "The CP as it is now")
    public ChargingPointView rotate(@PathParam("id") String id) {
        Enrolled enrolled = registry.rotate(CpId.of(id));
        done(enrolled.chargingPoint().id(), "registry.credential.issue", null);
        return ChargingPointView.of(enrolled);
    }

    @DELETE
    @Path("{id}/credential")
    @Operation(summary = "Revoke the credential: it admits nobody, and the CP's Monitor is disconnected")
    @APIResponse(responseCode = "404", description = "Unknown CP")
    @APIResponse(responseCode = "409", description = "No credential to revoke")
    @APIResponse(responseCode = "200", description = "The CP as it is now")
    public ChargingPointView revoke(@PathParam("id") String id) {
        ChargingPoint cp = registry.revoke(CpId.of(id));
        done(cp.id(), "registry.credential.revoke", null);
        return ChargingPointView.of(cp);
    }

    @DELETE
    @Path("{id}/payload-key")
    @Operation(summary = "Revoke the CP's payload key: Kafka records signed with it are refused from now on",
            description = "A Monitor linked by its credential is sent a new key at once; otherwise the CP gets one"
                    + " when its Monitor next authenticates. The key itself is never shown.")
    @APIResponse(responseCode = "404", description = "Unknown CP")
    @APIResponse(responseCode = "409", description = "No payload key to revoke")
    @APIResponse(responseCode = "200", description = "The CP as it is now (payload_key_id: the new key's, if one was issued)")
    public ChargingPointView revokePayloadKey(@PathParam("id") String id) {
        CpId cpId = CpId.of(id);
        String old = registry.get(cpId).payloadKey().map(PayloadSignature.Key::id).orElse(null);
        java.util.Optional<String> fresh = payloadKeys.revoke(cpId);
        done(cpId, "registry.payload-key.revoke", "key_id=" + old + fresh.map(k -> ", new key_id=" + k).orElse(""));
        return ChargingPointView.of(registry.get(cpId));
    }

    @PUT
    @Path("{id}/legacy")
    @Operation(summary = "Admit the CP by its id alone (first-implementation Monitors), or not",
            description = "Turning it off disconnects the CP's Monitor, which must come back with its credential")
    @APIResponse(responseCode = "404", description = "Unknown CP")
    @APIResponse(responseCode = "200", description = "The CP as it is now")
    public ChargingPointView legacy(@PathParam("id") String id, LegacySetting body) {
        boolean idOnly = body == null ? new LegacySetting(null).required() : body.required();
        ChargingPoint cp = registry.legacy(CpId.of(id), idOnly);
        done(cp.id(), "registry.legacy", "legacy=" + idOnly);
        return ChargingPointView.of(cp);
    }

    private void done(CpId id, String action, String detail) {
        String actor = security.getUserPrincipal() == null ? "unknown" : security.getUserPrincipal().getName();
        audit.record(AuditEntry.done(actor, request.getRemoteAddr(), action, "cp=" + id + (detail == null ? "" : ", " + detail)));
    }
}
