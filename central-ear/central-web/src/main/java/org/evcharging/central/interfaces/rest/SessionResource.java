package org.evcharging.central.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evcharging.central.application.OperatorQueries;
import org.evcharging.central.domain.model.operator.OperatorRole;
import org.evcharging.central.interfaces.rest.dto.SessionView;
import org.evcharging.central.domain.shared.InvalidInputException;

/** Charging sessions: the list (menu 5) and one session's details (menu 6). */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed(OperatorRole.VIEWER_ROLE)
@Tag(name = "Sessions", description = "Admin menu 5-6")
@APIResponse(responseCode = "401", description = "No or wrong operator credentials")
public class SessionResource {

    static final int MAX_LIMIT = 1000;

    @Inject
    OperatorQueries queries;

    @GET
    @Operation(summary = "List charging sessions, newest first (menu 5)")
    @APIResponse(responseCode = "200", description = "The sessions")
    @APIResponse(responseCode = "400", description = "limit outside 1-" + MAX_LIMIT)
    public List<SessionView> list(@Parameter(description = "at most this many (1-" + MAX_LIMIT + ")")
                                  @QueryParam("limit") @DefaultValue("100") String limit) {
        int max = parseLimit(limit);
        return queries.sessions(max).stream().map(s -> SessionView.of(s, queries.liveCharge(s.id()))).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Session details (menu 6)")
    @APIResponse(responseCode = "200", description = "The session, live while it runs")
    @APIResponse(responseCode = "404", description = "Unknown session")
    public SessionView get(@PathParam("id") String id) {
        return SessionView.of(queries.session(id), queries.liveCharge(id));
    }

    private static int parseLimit(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new InvalidInputException("limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + text + "'");
    }
}
