package org.evcharging.api.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Locale;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * SSL contexts from files: a server's PKCS#12 key store, and a client's trust store (PKCS#12) or
 * CA certificate (PEM). Every failure names the file, so a wrong path or password is one clear line.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    /** A server context presenting the key in {@code keyStore} (PKCS#12). */
    public static SSLContext server(Path keyStore, char[] password) throws IOException {
        try {
            KeyStore store = load(keyStore, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot use the key store " + keyStore + ": " + e.getMessage(), e);
        }
    }

    /**
     * A client context trusting only the CAs in {@code trust}: a {@code .pem}/{@code .crt} file of
     * certificates, or a PKCS#12 trust store opened with {@code password}.
     */
    public static SSLContext client(Path trust, char[] password) throws IOException {
        try {
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(isPem(trust) ? fromPem(trust) : load(trust, password));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot use the trust store " + trust + ": " + e.getMessage(), e);
        }
    }

    static boolean isPem(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pem") || name.endsWith(".crt");
    }

    private static KeyStore fromPem(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(file)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new IOException("No certificate in " + file);
            }
        }
        return store;
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        if (!Files.isReadable(file)) {
            throw new IOException("Cannot read " + file);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (IOException e) {
            throw new IOException("Cannot open " + file + " (wrong password or not PKCS#12?): " + e.getMessage(), e);
        }
        return store;
    }
}
