package org.evcharging.central.infrastructure.ocpp;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.shared.InvalidInputException;

/**
 * The HTTP side of a charger's WebSocket handshake: an id that is not a valid CP id is refused
 * (400) and a charger the {@link ChargerAuthenticator} does not admit gets 401, before any upgrade.
 */
@WebFilter(OcppEndpoint.PATH_PREFIX + "*")
public class OcppHandshakeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    ChargerAuthenticator authenticator;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String id = path.substring(Math.min(path.length(), OcppEndpoint.PATH_PREFIX.length()));
        CpId cpId;
        try {
            cpId = CpId.of(java.net.URLDecoder.decode(id, java.nio.charset.StandardCharsets.UTF_8));
        } catch (InvalidInputException | IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Not a charging point id: " + e.getMessage());
            return;
        }
        if (!authenticator.admits(cpId, Optional.ofNullable(request.getHeader("Authorization")))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"OCPP\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }
}
