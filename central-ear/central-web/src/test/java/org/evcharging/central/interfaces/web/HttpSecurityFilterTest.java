package org.evcharging.central.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which state-changing requests a foreign page could have sent, decided from the request alone. */
class HttpSecurityFilterTest {

    @Test
    void theCentralsOwnJsonRequestsPass() {
        assertThat(refusal("POST", Map.of("Content-Type", "application/json"))).isNull();
        assertThat(refusal("POST", Map.of("Content-Type", "application/json; charset=utf-8",
                "Origin", "http://central.example:9080", "Sec-Fetch-Site", "same-origin"))).isNull();
        assertThat(refusal("DELETE", Map.of())).as("no browser form sends DELETE").isNull();
    }

    @Test
    void whatAFormOrAForeignPageSendsIsRefusedWithTheReason() {
        assertThat(refusal("POST", Map.of("Content-Type", "application/x-www-form-urlencoded")))
                .contains("only JSON bodies");
        assertThat(refusal("POST", Map.of("Content-Type", "text/plain"))).contains("only JSON bodies");
        assertThat(refusal("POST", Map.of("Content-Type", "multipart/form-data; boundary=x"))).contains("only JSON");
        assertThat(refusal("POST", Map.of())).as("no Content-Type at all").contains("only JSON bodies");
        assertThat(refusal("PUT", Map.of("Content-Type", "text/plain"))).contains("only JSON bodies");
        assertThat(refusal("POST", Map.of("Content-Type", "application/json", "Origin", "http://evil.example")))
                .isEqualTo("request from another origin (http://evil.example) refused");
        assertThat(refusal("POST", Map.of("Content-Type", "application/json", "Origin", "null")))
                .contains("another origin");
        assertThat(refusal("DELETE", Map.of("Sec-Fetch-Site", "cross-site"))).isEqualTo("cross-site request refused");
    }

    private static String refusal(String method, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.putIfAbsent("Host", "central.example:9080");
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, called, args) -> switch (called.getName()) {
                    case "getHeader" -> all.get((String) args[0]);
                    case "getContentType" -> all.get("Content-Type");
                    case "getMethod" -> method;
                    default -> throw new UnsupportedOperationException(called.getName());
                });
        return HttpSecurityFilter.crossSiteRefusal(request, method);
    }
}
