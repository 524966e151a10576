package it.org.evcharging.central.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.evcharging.api.tls.DevCertificateAuthority;
import org.evcharging.api.tls.TlsContexts;

/**
 * The run's development CA (as the launcher makes one) and a stranger's CA for refusals: generated
 * once per test JVM under target/it-work, shared by every Central the ITs start.
 */
public final class DevTls {

    public static final String PASSWORD = "it-keystore-secret";
    private static DevCertificateAuthority authority;
    private static DevCertificateAuthority stranger;

    private DevTls() {
    }

    public static synchronized DevCertificateAuthority authority() {
        if (authority == null) {
            authority = generate("tls", "EV Charging IT CA");
        }
        return authority;
    }

    /** Another CA with a certificate for the same host names: what an impostor or a misconfigured client has. */
    public static synchronized DevCertificateAuthority stranger() {
        if (stranger == null) {
            stranger = generate("tls-stranger", "Someone else's CA");
        }
        return stranger;
    }

    /** A client context trusting only the run's CA. */
    public static SSLContext trustingTheCa() throws IOException {
        return TlsContexts.client(authority().caPem(), null);
    }

    /** A client context trusting only the stranger's CA. */
    public static SSLContext trustingAnotherCa() throws IOException {
        return TlsContexts.client(stranger().caPem(), null);
    }

    private static DevCertificateAuthority generate(String name, String caName) {
        Path dir = ItSettings.workDir(name);
        try {
            return new DevCertificateAuthority(dir, PASSWORD, caName).generate(List.of("localhost"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
