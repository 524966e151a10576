package org.evcharging.central.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Arrays;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evcharging.central.domain.model.operator.OperatorRole;

/** Who is signed in and with which role: the panel shows only what that role may do. */
@Path("me")
@RequestScoped
@RolesAllowed(OperatorRole.VIEWER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class SignedInResource {

    /** The signed-in account and its role. */
    public record Me(String username, String role) {
    }

    @GET
    @Operation(summary = "The signed-in account and its role")
    public Me get(@Context SecurityContext security) {
        OperatorRole role = Arrays.stream(OperatorRole.values()).filter(r -> security.isUserInRole(r.roleName()))
                .reduce((lower, higher) -> higher).orElse(OperatorRole.VIEWER);
        return new Me(security.getUserPrincipal().getName(), role.roleName());
    }
}
