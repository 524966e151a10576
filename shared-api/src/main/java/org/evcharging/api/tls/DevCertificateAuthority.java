package org.evcharging.api.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A development certificate authority made with the JDK's {@code keytool}: a CA, one server key
 * store signed by it (for Central, the portal and the broker) and a trust store holding only the CA
 * (for clients). Generated once into a run directory; never meant for production or for git.
 *
 * <p>{@code java -cp cp-agent.jar org.evcharging.api.tls.DevCertificateAuthority DIR PASSWORD [HOST ...]}
 * writes {@code ca.pem}, {@code ca.p12}, {@code server.p12} and {@code truststore.p12} into DIR,
 * unless {@code server.p12} is already there. The server certificate names localhost, 127.0.0.1
 * and every HOST.
 */
public final class DevCertificateAuthority {

    public static final String CA_PEM = "ca.pem";
    public static final String SERVER_KEYSTORE = "server.p12";
    public static final String TRUSTSTORE = "truststore.p12";
    private static final String CA_KEYSTORE = "ca.p12";

    private final Path dir;
    private final String password;
    private final String caName;

    public DevCertificateAuthority(Path dir, String password, String caName) {
        this.dir = dir;
        this.password = password;
        this.caName = caName;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("Usage: DevCertificateAuthority DIR PASSWORD [HOST ...]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (Files.exists(dir.resolve(SERVER_KEYSTORE))) {
            System.out.println("Development CA already in " + dir);
            return;
        }
        new DevCertificateAuthority(dir, args[1], "EV Charging development CA")
                .generate(List.of(args).subList(2, args.length));
        System.out.println("Development CA, server key store and trust store written to " + dir);
    }

    public Path caPem() {
        return dir.resolve(CA_PEM);
    }

    public Path serverKeyStore() {
        return dir.resolve(SERVER_KEYSTORE);
    }

    public Path trustStore() {
        return dir.resolve(TRUSTSTORE);
    }

    /** Writes the CA, the server key store for {@code hosts} (plus localhost) and the trust store. */
    public DevCertificateAuthority generate(List<String> hosts) throws IOException {
        Files.createDirectories(dir);
        Path ca = dir.resolve(CA_KEYSTORE);
        Path server = serverKeyStore();
        Path request = dir.resolve("server.csr");
        Path signed = dir.resolve("server.pem");
        for (Path old : List.of(ca, server, trustStore(), caPem(), request, signed)) {
            Files.deleteIfExists(old);
        }
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "825",
                "-dname", "CN=" + caName, "-ext", "bc:c", "-keystore", ca.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caPem().toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "825",
                "-dname", "CN=" + firstHost(hosts), "-keystore", server.toString());
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-file", request.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-infile", request.toString(),
                "-outfile", signed.toString(), "-rfc", "-validity", "825", "-ext", "SAN=" + subjectAlternativeNames(hosts),
                "-ext", "KU=digitalSignature,keyEncipherment", "-ext", "EKU=serverAuth,clientAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem().toString(), "-keystore", server.toString());
        keytool("-importcert", "-alias", "server", "-file", signed.toString(), "-keystore", server.toString());
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem().toString(), "-keystore", trustStore().toString());
        Files.deleteIfExists(request);
        Files.deleteIfExists(signed);
        return this;
    }

    private static String firstHost(List<String> hosts) {
        return hosts.isEmpty() ? "localhost" : hosts.get(0);
    }

    static String subjectAlternativeNames(List<String> hosts) {
        Set<String> names = new LinkedHashSet<>(hosts);
        names.add("localhost");
        names.add("127.0.0.1");
        List<String> entries = new ArrayList<>();
        for (String name : names) {
            entries.add((name.matches("[0-9.]+") || name.contains(":") ? "ip:" : "dns:") + name);
        }
        return String.join(",", entries);
    }

    private void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", password));
        if (args[0].equals("-genkeypair")) {
            command.addAll(List.of("-keypass", password));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IOException("keytool " + args[0] + " interrupted", e);
        }
    }
}
