package org.evcharging.agent.monitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import org.evcharging.api.tls.TlsContexts;

/**
 * How the Monitor reaches Central over TLS: it trusts only the CAs in {@code trust} (a CA
 * {@code .pem} such as the launcher's run-data/tls/ca.pem, or a PKCS#12 trust store) and checks that
 * Central's certificate names the host it dials.
 */
public record CentralTls(Path trust, String password) {

    public CentralTls {
        Objects.requireNonNull(trust, "trust");
    }

    /** Reads the trust file now, so a wrong path or password stops the Monitor at start with one line. */
    SSLContext context() throws IOException {
        return TlsContexts.client(trust, password == null ? null : password.toCharArray());
    }
}
