package org.evcharging.central.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.evcharging.api.message.Json;
import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.application.audit.AuditTrail;
import org.evcharging.central.infrastructure.security.SecurityHeaders;
import org.evcharging.central.infrastructure.security.SourceAddress;
import org.evcharging.central.interfaces.rest.ErrorBody;

/**
 * Every answer of Central's web module passes here: it gets the security headers; a state-changing
 * API request that a foreign page could have sent (a form or text body, another site's Origin) is
 * refused 403 before it reaches the API; and every 403 the API answers lands in the audit log.
 * A browser cannot send {@code Content-Type: application/json} across sites without a CORS preflight,
 * which Central never grants: together with the Origin check this is the panel's CSRF protection
 * (Basic authentication keeps no session cookie that a token would have to guard).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HttpSecurityFilter extends HttpFilter {

    /** Set by whoever already audited this request's refusal, so it is recorded once. */
    public static final String AUDITED = HttpSecurityFilter.class.getName() + ".audited";

    /** Why a signed-in account was answered 403 by the API. */
    public static final String FORBIDDEN_BY_ROLE = "403 Forbidden: the account's role does not allow it";

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    AuditTrail audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.apply(response);
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (!SAFE.contains(method) && request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            String refusal = crossSiteRefusal(request, method);
            if (refusal != null) {
                audit.record(AuditEntry.refused(actor(request), SourceAddress.of(request), "csrf",
                        method + " " + request.getRequestURI(), refusal));
                forbid(response, refusal);
                return;
            }
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN && request.getAttribute(AUDITED) == null) {
            audit.record(AuditEntry.refused(actor(request), SourceAddress.of(request), "forbidden",
                    method + " " + request.getRequestURI(), FORBIDDEN_BY_ROLE));
        }
    }

    /** Why this request may come from another site's page, or null when it cannot. */
    static String crossSiteRefusal(HttpServletRequest request, String method) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return "cross-site request refused";
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request.getHeader("Host"))) {
            return "request from another origin (" + origin + ") refused";
        }
        if (WITH_BODY.contains(method) && !isJson(request.getContentType())) {
            return "only JSON bodies are accepted: send Content-Type: application/json";
        }
        return null;
    }

    private static boolean sameOrigin(String origin, String host) {
        try {
            String authority = URI.create(origin.strip()).getAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return base.equals("application/json");
    }

    private static String actor(HttpServletRequest request) {
        return request.getRemoteUser() != null ? request.getRemoteUser() : "anonymous";
    }

    private static void forbid(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.mapper().writeValueAsString(new ErrorBody(403, "Forbidden", reason)));
    }
}
