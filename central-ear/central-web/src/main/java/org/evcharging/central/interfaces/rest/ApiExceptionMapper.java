package org.evcharging.central.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.DomainException;
import org.evcharging.central.domain.shared.NotFoundException;

/**
 * The one place where failures become HTTP answers, each with a JSON {@link ErrorBody}: a refusal
 * says why; anything else is a bug, answered 500 with nothing of its internals (the log has them).
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof DomainException refusal) {
            return answer(statusOf(refusal), refusal.getMessage());
        }
        if (failure instanceof JacksonJsonProvider.MalformedBodyException malformed) {
            return answer(Status.BAD_REQUEST, malformed.getMessage());
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            // JAX-RS's own refusals (unknown path, wrong method or media type): the status says it all.
            Status status = Status.fromStatusCode(web.getResponse().getStatus());
            return answer(status == null ? Status.BAD_REQUEST : status,
                    status == null ? "Bad request" : status.getReasonPhrase());
        }
        LOG.log(Level.SEVERE, "Admin API request failed", failure);
        return answer(Status.INTERNAL_SERVER_ERROR, "Internal error; Central logged the details");
    }

    /** DomainException is sealed: not found, conflict, or invalid input. */
    private static Status statusOf(DomainException refusal) {
        if (refusal instanceof NotFoundException) {
            return Status.NOT_FOUND;
        }
        if (refusal instanceof ConflictException) {
            return Status.CONFLICT;
        }
        return Status.BAD_REQUEST;
    }

    /** An error answer with its JSON body; also for refusals a resource answers without throwing. */
    static Response answer(Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status.getStatusCode(), status.getReasonPhrase(), message)).build();
    }
}
