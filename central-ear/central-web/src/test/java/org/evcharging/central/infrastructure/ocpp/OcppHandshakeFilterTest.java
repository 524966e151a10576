package org.evcharging.central.infrastructure.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.evcharging.central.infrastructure.ocpp.ChargerAuthenticator.Handshake;
import org.evcharging.central.infrastructure.ocpp.ChargerAuthenticator.Outcome;
import org.evcharging.central.infrastructure.ocpp.ChargerAuthenticator.Verdict;
import org.junit.jupiter.api.Test;

/** How the handshake filter answers each verdict over HTTP, and what it tells the authenticator. */
class OcppHandshakeFilterTest {

    private final Map<String, String> headers = new HashMap<>();
    private final AtomicReference<String> error = new AtomicReference<>();
    private final AtomicBoolean upgraded = new AtomicBoolean();
    private final AtomicReference<Handshake> seen = new AtomicReference<>();

    private void handshake(Verdict verdict, boolean secure) throws Exception {
        OcppHandshakeFilter filter = new OcppHandshakeFilter();
        filter.authenticator = handshake -> {
            seen.set(handshake);
            return verdict;
        };
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> "/ocpp/wallbox_1";
                    case "getContextPath" -> "";
                    case "getHeader" -> "Authorization".equals(args[0]) ? "Basic d2FsbGJveF8xOnMzY3JldA==" : null;
                    case "getRemoteAddr" -> "10.0.0.7";
                    case "isSecure" -> secure;
                    default -> null;
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "sendError" -> error.set(args[0] + (args.length > 1 ? " " + args[1] : ""));
                        default -> { }
                    }
                    return null;
                });
        filter.doFilter(request, response, (req, res) -> upgraded.set(true));
    }

    @Test
    void anAdmittedChargerGoesOnToTheUpgradeWithWhatItPresented() throws Exception {
        handshake(Verdict.ADMITTED, true);

        assertThat(upgraded).isTrue();
        assertThat(error.get()).isNull();
        assertThat(seen.get().chargePoint().value()).isEqualTo("wallbox_1");
        assertThat(seen.get().authorization()).hasValue("Basic d2FsbGJveF8xOnMzY3JldA==");
        assertThat(seen.get().sourceIp()).isEqualTo("10.0.0.7");
        assertThat(seen.get().secure()).isTrue();
    }

    @Test
    void aRefusedChargerGets401WithABasicChallenge() throws Exception {
        handshake(Verdict.unauthorized("wrong credential"), false);

        assertThat(upgraded).isFalse();
        assertThat(error.get()).isEqualTo("401 wrong credential");
        assertThat(headers.get("WWW-Authenticate")).startsWith("Basic realm=\"EV Charging OCPP\"");
    }

    @Test
    void plainWsWhereTlsIsRequiredIs403AndAThrottledCharger429WithRetryAfter() throws Exception {
        handshake(Verdict.tlsRequired("must connect over TLS"), false);
        assertThat(upgraded).isFalse();
        assertThat(error.get()).isEqualTo("403 must connect over TLS");
        assertThat(headers).doesNotContainKey("WWW-Authenticate");

        handshake(new Verdict(Outcome.THROTTLED, "Too many wrong passwords", Duration.ofMillis(4_200)), false);
        assertThat(error.get()).isEqualTo("429 Too many wrong passwords");
        assertThat(headers.get("Retry-After")).isEqualTo("5");
        assertThat(upgraded).isFalse();
    }
}
