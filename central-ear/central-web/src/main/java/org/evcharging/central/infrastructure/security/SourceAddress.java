package org.evcharging.central.infrastructure.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request came from, for the audit log and the sign-in throttle: the connection's peer.
 * Forwarding headers are not trusted — anyone can write them.
 */
public final class SourceAddress {

    private SourceAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
