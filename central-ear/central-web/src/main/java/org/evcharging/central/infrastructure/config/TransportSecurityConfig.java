package org.evcharging.central.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evcharging.api.tls.TlsContexts;

/**
 * Central's TLS settings for the Monitor gateway. The key store is the one Liberty serves HTTPS with
 * (env TLS_KEYSTORE / TLS_KEYSTORE_PASSWORD, see server.xml), so one certificate covers both.
 * Kept apart from {@link CentralConfig}: these settings change together and only the gateway reads them.
 */
@ApplicationScoped
public class TransportSecurityConfig {

    @Inject
    @ConfigProperty(name = "monitor.tls.port")
    int monitorTlsPort;

    @Inject
    @ConfigProperty(name = "tls.keystore")
    Optional<String> keyStore;

    @Inject
    @ConfigProperty(name = "tls.keystore.password")
    Optional<String> keyStorePassword;

    /** The port of the TLS Monitor gateway; negative when TLS for Monitors is off (the default). */
    public int monitorTlsPort() {
        return monitorTlsPort;
    }

    public boolean monitorTlsEnabled() {
        return monitorTlsPort >= 0;
    }

    /** The server context for Monitors; fails with a line that names the missing or unreadable setting. */
    public SSLContext monitorTlsContext() throws IOException {
        String store = keyStore.filter(s -> !s.isBlank()).orElseThrow(() -> new IOException(
                "monitor.tls.port is " + monitorTlsPort + " but no key store is configured (TLS_KEYSTORE)"));
        return TlsContexts.server(Path.of(store), keyStorePassword.orElse("").toCharArray());
    }
}
