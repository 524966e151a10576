package it.org.evcharging.central.support;

import java.nio.file.Path;


/** Ports and directories the build reserved for the integration tests (see central-app/pom.xml). */
public final class ItSettings {

    private ItSettings() {
    }

    public static Path libertyInstall() {
        return Path.of(required("liberty.install.dir"));
    }

    /** A fresh directory per test class under target/it-work. */
    public static Path workDir(Class<?> testClass) {
        return workDir(testClass.getSimpleName());
    }

    /** A fresh directory named after {@code name} under target/it-work. */
    public static Path workDir(String name) {
        return Path.of(required("it.work.dir")).resolve(name + "-" + System.currentTimeMillis());
    }

    public static int httpPort() {
        return port("it.http.port");
    }

    public static int httpsPort() {
        return port("it.https.port");
    }

    public static int acceptorPort() {
        return port("it.acceptor.port");
    }

    /** Central's TLS port for Monitors. */
    public static int tlsAcceptorPort() {
        return port("it.tls.acceptor.port");
    }

    public static int kafkaPort() {
        return port("it.kafka.port");
    }

    private static int port(String name) {
        return Integer.parseInt(required(name));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the ITs through Maven (./mvnw verify)");
        }
        return value;
    }
}
