package org.evcharging.central.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evcharging.central.application.OperatorService;
import org.evcharging.central.application.OperatorService.BulkResult;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.operator.OperatorRole;
import org.evcharging.central.domain.shared.InvalidInputException;

/**
 * Menu items 8-10 as one request with a body, the way the design's console asks ("CP ID or
 * 'all'"). A single CP's refusal is an HTTP error; for "all" each refusal is listed instead.
 */
@Path("commands")
@RequestScoped
@RolesAllowed(OperatorRole.OPERATOR_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Charging points")
@APIResponse(responseCode = "401", description = "No or wrong operator credentials")
@APIResponse(responseCode = "403", description = "The account's role does not allow it, or a cross-site request")
public class CommandResource {

    @Inject
    OperatorService operator;

    @Context
    HttpServletRequest request;

    @POST
    @Audited("cp.command")
    @Operation(summary = "Authorize, stop or resume one CP or 'all' (menu 8-10)")
    @APIResponse(responseCode = "200", description = "What was done and, for 'all', what was refused and why")
    @APIResponse(responseCode = "400", description = "Malformed body, unknown action or invalid CP id")
    @APIResponse(responseCode = "404", description = "Unknown CP")
    @APIResponse(responseCode = "409", description = "Not allowed in the CP's current state")
    public BulkResult run(OperatorCommand command) {
        if (command == null) {
            throw new InvalidInputException("A JSON body {\"action\": ..., \"target\": ...} is required");
        }
        AuditedActions.describe(request, null, "action=" + command.action() + " target=" + command.target());
        OperatorCommand.Action action = command.parsedAction();
        AuditedActions.describe(request, "cp." + action.name().toLowerCase(java.util.Locale.ROOT),
                "target=" + command.target());
        if (command.targetsAll()) {
            return switch (action) {
                case AUTHORIZE -> operator.authorizeAll();
                case STOP -> operator.stopAll();
                case RESUME -> operator.resumeAll();
            };
        }
        CpId id = CpId.of(command.target().strip());
        switch (action) {
            case AUTHORIZE -> {
                return new BulkResult(List.of(id.value()), List.of(), Map.of(id.value(), operator.authorize(id).credential()));
            }
            case STOP -> operator.stop(id);
            case RESUME -> operator.resume(id);
        }
        return new BulkResult(List.of(id.value()), List.of());
    }
}
