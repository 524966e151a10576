package org.evcharging.central.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evcharging.central.application.driver.DriverAccountService;
import org.evcharging.central.application.driver.SignInResult;
import org.evcharging.central.domain.shared.InvalidInputException;
import org.evcharging.central.infrastructure.config.CentralConfig;

/**
 * Driver accounts, for the driver portal only: it presents the shared service credential
 * ({@code Authorization: Bearer <DRIVER_PORTAL_SECRET>}) instead of an operator's, so web.xml
 * leaves this path to the check below. One store in Central's database serves every portal instance.
 */
@Path("driver-accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Driver accounts")
@APIResponse(responseCode = "401", description = "No or wrong portal credential")
@APIResponse(responseCode = "503", description = "Driver accounts are off: DRIVER_PORTAL_SECRET is not set")
public class DriverAccountResource {

    private static final String BEARER = "Bearer ";

    @Inject
    DriverAccountService accounts;

    @Inject
    CentralConfig config;

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    @POST
    @Operation(summary = "Sign a driver up with a chosen id and password")
    @APIResponse(responseCode = "201", description = "The account exists")
    @APIResponse(responseCode = "400", description = "Bad id or too short a password")
    @APIResponse(responseCode = "409", description = "The id is already taken")
    public Response signUp(DriverCredentials body) {
        return fromPortal(body, credentials -> {
            accounts.signUp(credentials.driverId(), credentials.password(), credentials.sourceIp());
            return Response.status(Status.CREATED).entity(Map.of("driver_id", credentials.driverId())).build();
        });
    }

    @POST
    @Path("sign-in")
    @Operation(summary = "Check a driver's password")
    @APIResponse(responseCode = "200", description = "Right password")
    @APIResponse(responseCode = "403", description = "Wrong id or password")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins for the account or the source")
    public Response signIn(DriverCredentials body) {
        return fromPortal(body, credentials -> {
            SignInResult result = accounts.signIn(credentials.driverId(), credentials.password(), credentials.sourceIp());
            return switch (result.outcome()) {
                case SIGNED_IN -> Response.ok(Map.of("driver_id", credentials.driverId())).build();
                // 403, not 401: the portal's credential was fine, the driver's was not.
                case WRONG_CREDENTIALS -> ApiExceptionMapper.answer(Status.FORBIDDEN, result.message());
                case THROTTLED -> Response.fromResponse(ApiExceptionMapper.answer(Status.TOO_MANY_REQUESTS, result.message()))
                        .header("Retry-After", result.retryAfter().toSeconds()).build();
            };
        });
    }

    /** Runs {@code action} only for the portal's credential and a present body. */
    private Response fromPortal(DriverCredentials body, Function<DriverCredentials, Response> action) {
        Optional<Response> refused = checkPortal();
        if (refused.isPresent()) {
            return refused.get();
        }
        if (body == null) {
            throw new InvalidInputException("A JSON body {\"driver_id\", \"password\", \"source_ip\"} is required");
        }
        return action.apply(body);
    }

    private Optional<Response> checkPortal() {
        Optional<String> secret = config.driverPortalSecret();
        if (secret.isEmpty()) {
            return Optional.of(ApiExceptionMapper.answer(Status.SERVICE_UNAVAILABLE,
                    "Driver accounts are off: set DRIVER_PORTAL_SECRET on Central and on the portal"));
        }
        String presented = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()) : "";
        // Constant time: the comparison must not tell how much of a guess was right.
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), secret.get().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(ApiExceptionMapper.answer(Status.UNAUTHORIZED, "Only the driver portal, with its credential, may do this"));
        }
        return Optional.empty();
    }
}
