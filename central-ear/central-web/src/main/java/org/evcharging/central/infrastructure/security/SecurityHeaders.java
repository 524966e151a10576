package org.evcharging.central.infrastructure.security;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer of Central carries: no framing (clickjacking), only the panel's own
 * scripts, styles and connections (the panel has no inline code), no MIME sniffing, no referrer.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
