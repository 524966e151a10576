package org.evcharging.central.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evcharging.central.application.accounts.OperatorAccountService;
import org.evcharging.central.domain.model.operator.OperatorRole;
import org.evcharging.central.domain.shared.InvalidInputException;
import org.evcharging.central.infrastructure.security.CredentialCheck;
import org.evcharging.central.interfaces.rest.dto.AccountRequest;
import org.evcharging.central.interfaces.rest.dto.AccountView;

/** Operator accounts, for admins: create, list, change role or password, disable. */
@Path("accounts")
@RequestScoped
@RolesAllowed(OperatorRole.ADMIN_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Operator accounts and their roles (viewer, operator, admin)")
@APIResponse(responseCode = "401", description = "No or wrong operator credentials")
@APIResponse(responseCode = "403", description = "Not an admin, or a cross-site request")
public class AccountResource {

    @Inject
    OperatorAccountService accounts;

    @Inject
    CredentialCheck credentials;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Every operator account")
    public List<AccountView> list() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    @POST
    @Audited("account.create")
    @Operation(summary = "Create an account: {\"username\", \"password\", \"role\"}")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Malformed username, too short a password or unknown role")
    @APIResponse(responseCode = "409", description = "The username exists")
    public Response create(AccountRequest body) {
        if (body == null) {
            throw new InvalidInputException("A JSON body {\"username\", \"password\", \"role\"} is required");
        }
        AuditedActions.describe(request, null, "username=" + body.username() + " role=" + body.role());
        AccountView created = AccountView.of(accounts.create(body.username(), body.password(),
                OperatorRole.parse(body.role())));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{username}")
    @Audited("account.change")
    @Operation(summary = "Change an account: any of {\"role\", \"password\", \"enabled\"}")
    @APIResponse(responseCode = "200", description = "Changed; the account's next request signs in with the change")
    @APIResponse(responseCode = "404", description = "Unknown account")
    @APIResponse(responseCode = "409", description = "It would leave no enabled admin")
    public AccountView change(@PathParam("username") String username, AccountRequest body) {
        if (body == null) {
            throw new InvalidInputException("A JSON body with role, password and/or enabled is required");
        }
        AuditedActions.describe(request, null, "username=" + username + " " + body.audited());
        AccountView changed = AccountView.of(accounts.change(username, body.change()));
        credentials.forget(username);
        return changed;
    }
}
