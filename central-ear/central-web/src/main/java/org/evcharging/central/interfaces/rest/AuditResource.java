package org.evcharging.central.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evcharging.central.domain.model.audit.AuditQuery;
import org.evcharging.central.domain.model.audit.AuditRecordRepository;
import org.evcharging.central.domain.model.operator.OperatorRole;
import org.evcharging.central.interfaces.rest.dto.AuditView;

/**
 * The audit log, newest first, for every signed-in role: a viewer oversees, so a viewer may read
 * who did what (it holds no secrets: passwords and credentials are never recorded).
 */
@Path("audit")
@RequestScoped
@RolesAllowed(OperatorRole.VIEWER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Operator actions, sign-ins and security refusals")
@APIResponse(responseCode = "401", description = "No or wrong operator credentials")
public class AuditResource {

    @Inject
    AuditRecordRepository records;

    @GET
    @Transactional
    @Operation(summary = "A page of the audit log, newest first, filtered")
    @APIResponse(responseCode = "200", description = "The page, and the offset of the next one (null on the last)")
    @APIResponse(responseCode = "400", description = "Unknown outcome, malformed time or limit out of range")
    public AuditView find(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @Parameter(description = "DONE or REFUSED") @QueryParam("outcome") String outcome,
            @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive") @QueryParam("to") String to,
            @Parameter(description = "1-" + AuditQuery.MAX_LIMIT + ", default " + AuditQuery.DEFAULT_LIMIT)
            @QueryParam("limit") Integer limit,
            @QueryParam("offset") Integer offset) {
        AuditQuery query = AuditQuery.parse(actor, action, outcome, from, to, limit, offset);
        return AuditView.of(records.find(query), query.limit(), query.offset());
    }
}
