package org.evcharging.central.infrastructure.ocpp;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.shared.InvalidInputException;
import org.evcharging.central.infrastructure.ocpp.ChargerAuthenticator.Handshake;
import org.evcharging.central.infrastructure.ocpp.ChargerAuthenticator.Verdict;
import org.evcharging.central.infrastructure.security.SourceAddress;

/**
 * The HTTP side of a charger's WebSocket handshake, before any upgrade: an id that is not a valid
 * CP id is refused (400); then the {@link ChargerAuthenticator} decides — 401 with a Basic
 * challenge (security profile 1), 403 for plain ws:// where TLS is required (profile 2), 429
 * while wrong passwords are throttled.
 */
@WebFilter(OcppEndpoint.PATH_PREFIX + "*")
public class OcppHandshakeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String REALM = "EV Charging OCPP";

    @Inject
    ChargerAuthenticator authenticator;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String id = path.substring(Math.min(path.length(), OcppEndpoint.PATH_PREFIX.length()));
        CpId cpId;
        try {
            cpId = CpId.of(URLDecoder.decode(id, StandardCharsets.UTF_8));
        } catch (InvalidInputException | IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Not a charging point id: " + e.getMessage());
            return;
        }
        Verdict verdict = authenticator.admits(new Handshake(cpId, Optional.ofNullable(request.getHeader("Authorization")),
                SourceAddress.of(request), request.isSecure()));
        switch (verdict.outcome()) {
            case ADMITTED -> chain.doFilter(request, response);
            case UNAUTHORIZED -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, verdict.message());
            }
            case TLS_REQUIRED -> response.sendError(HttpServletResponse.SC_FORBIDDEN, verdict.message());
            case THROTTLED -> {
                response.setHeader("Retry-After", Long.toString(Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000)));
                response.sendError(429, verdict.message());
            }
        }
    }
}
