package org.evcharging.central.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.stream.Collectors;

import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.application.audit.AuditTrail;
import org.evcharging.central.infrastructure.security.SourceAddress;
import org.evcharging.central.interfaces.web.HttpSecurityFilter;

/**
 * Records each {@link Audited} action once it is answered: done below 400, refused otherwise with
 * the answer's message as the reason. A resource whose action or parameters come from its body
 * names them with {@link #describe}.
 */
@Provider
@Audited
public class AuditedActions implements ContainerResponseFilter {

    private static final String ACTION = AuditedActions.class.getName() + ".action";
    private static final String PARAMETERS = AuditedActions.class.getName() + ".parameters";

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    AuditTrail audit;

    /** The action and parameters to record for this request, when the annotation and path cannot tell. */
    public static void describe(HttpServletRequest request, String action, String parameters) {
        if (action != null) {
            request.setAttribute(ACTION, action);
        }
        request.setAttribute(PARAMETERS, parameters);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Audited audited = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Audited.class);
        String action = (String) servletRequest.getAttribute(ACTION);
        if (action == null) {
            action = audited != null && !audited.value().isEmpty() ? audited.value()
                    : request.getMethod() + " " + request.getUriInfo().getPath();
        }
        String parameters = (String) servletRequest.getAttribute(PARAMETERS);
        if (parameters == null && audited != null && !audited.parameters().isEmpty()) {
            parameters = audited.parameters();
        }
        if (parameters == null) {
            parameters = pathParameters(request.getUriInfo().getPathParameters());
        }
        String actor = request.getSecurityContext().getUserPrincipal() == null ? "anonymous"
                : request.getSecurityContext().getUserPrincipal().getName();
        String source = SourceAddress.of(servletRequest);
        int status = response.getStatus();
        if (status < 400) {
            audit.record(AuditEntry.done(actor, source, action, parameters));
        } else {
            audit.record(AuditEntry.refused(actor, source, action, parameters, reason(response)));
        }
        servletRequest.setAttribute(HttpSecurityFilter.AUDITED, Boolean.TRUE);
    }

    private static String pathParameters(MultivaluedMap<String, String> path) {
        return path.isEmpty() ? null : path.entrySet().stream()
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String reason(ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (response.getStatus() == Response.Status.FORBIDDEN.getStatusCode()
                && (!(entity instanceof ErrorBody error) || "Forbidden".equals(error.message()))) {
            return HttpSecurityFilter.FORBIDDEN_BY_ROLE;
        }
        String status = response.getStatus() + " " + Response.Status.fromStatusCode(response.getStatus());
        return entity instanceof ErrorBody error ? status + ": " + error.message() : status;
    }
}
