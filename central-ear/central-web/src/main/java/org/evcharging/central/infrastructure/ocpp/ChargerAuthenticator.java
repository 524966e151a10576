package org.evcharging.central.infrastructure.ocpp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.evcharging.central.domain.model.chargingpoint.CpId;

/**
 * Whether a charger may open its WebSocket, decided at the HTTP handshake (before the upgrade) so
 * that a refusal is an HTTP status as OCPP security profiles 1 and 2 expect: 401 for missing or
 * wrong Basic credentials, 403 for plain ws:// where TLS is required, 429 while guessing is throttled.
 */
public interface ChargerAuthenticator {

    /**
     * What the handshake request carries: the id in the URL, its Authorization header if any, the
     * peer's address and whether it came over TLS.
     */
    record Handshake(CpId chargePoint, Optional<String> authorization, String sourceIp, boolean secure) {

        public Handshake {
            Objects.requireNonNull(chargePoint, "chargePoint");
            Objects.requireNonNull(authorization, "authorization");
        }
    }

    /** How a handshake is answered. */
    enum Outcome { ADMITTED, UNAUTHORIZED, TLS_REQUIRED, THROTTLED }

    /** The answer; {@code message} says why a charger is refused, {@code retryAfter} is set when throttled. */
    record Verdict(Outcome outcome, String message, Duration retryAfter) {

        static final Verdict ADMITTED = new Verdict(Outcome.ADMITTED, null, null);

        static Verdict unauthorized(String message) {
            return new Verdict(Outcome.UNAUTHORIZED, message, null);
        }

        static Verdict tlsRequired(String message) {
            return new Verdict(Outcome.TLS_REQUIRED, message, null);
        }

        static Verdict throttled(String message, Duration retryAfter) {
            return new Verdict(Outcome.THROTTLED, message, retryAfter);
        }

        public boolean admitted() {
            return outcome == Outcome.ADMITTED;
        }
    }

    Verdict admits(Handshake handshake);
}
