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
import org.evcharging.central.domain.shared.NotFoundException;

/** The one place where failures become HTTP answers, each with a JSON {@link ErrorBody}. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        Status status = statusOf(failure);
        String message = failure.getMessage();
        if (status == Status.INTERNAL_SERVER_ERROR) {
            LOG.log(Level.SEVERE, "Admin API request failed", failure);
            message = "Internal error: " + failure.getClass().getSimpleName();
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() != 500) {
            status = Status.fromStatusCode(web.getResponse().getStatus());
            message = status.getReasonPhrase();
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status.getStatusCode(), status.getReasonPhrase(), message)).build();
    }

    private static Status statusOf(Throwable failure) {
        if (failure instanceof NotFoundException) {
            return Status.NOT_FOUND;
        }
        if (failure instanceof ConflictException) {
            return Status.CONFLICT;
        }
        if (failure instanceof IllegalArgumentException || failure instanceof JacksonJsonProvider.MalformedBodyException) {
            return Status.BAD_REQUEST;
        }
        return Status.INTERNAL_SERVER_ERROR;
    }
}
