package org.evcharging.kafka.client;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How every Kafka client of a process reaches its cluster: PLAINTEXT (the default, as the first
 * implementation), SSL, SASL_SSL or SASL_PLAINTEXT, with a SASL mechanism (PLAIN or SCRAM-SHA-512),
 * a user and a trust store. One set of names for Central, the cp-agent and the portal:
 *
 * <pre>
 * KAFKA_SECURITY_PROTOCOL   PLAINTEXT | SSL | SASL_SSL | SASL_PLAINTEXT
 * KAFKA_SASL_MECHANISM      PLAIN (default) | SCRAM-SHA-512 | SCRAM-SHA-256
 * KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD
 * KAFKA_TRUSTSTORE          CA file (.pem/.crt) or PKCS#12 trust store; default: the JVM's CAs
 * KAFKA_TRUSTSTORE_PASSWORD for a PKCS#12 trust store
 * </pre>
 * A JVM system property of the same name in lower case with dots ({@code kafka.security.protocol})
 * wins over the environment variable.
 */
public record KafkaSecurity(String protocol, String mechanism, String username, String password,
                            String trustStore, String trustStorePassword) {

    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_SSL", "SASL_PLAINTEXT");
    private static final Set<String> MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-512", "SCRAM-SHA-256");

    public static final KafkaSecurity PLAINTEXT = new KafkaSecurity("PLAINTEXT", null, null, null, null, null);

    public KafkaSecurity {
        protocol = protocol == null || protocol.isBlank() ? "PLAINTEXT" : protocol.trim().toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("KAFKA_SECURITY_PROTOCOL must be one of " + PROTOCOLS + ", got " + protocol);
        }
        if (usesSasl(protocol)) {
            mechanism = mechanism == null || mechanism.isBlank() ? "PLAIN" : mechanism.trim().toUpperCase(Locale.ROOT);
            if (!MECHANISMS.contains(mechanism)) {
                throw new IllegalArgumentException("KAFKA_SASL_MECHANISM must be one of " + MECHANISMS + ", got " + mechanism);
            }
            if (username == null || username.isBlank() || password == null) {
                throw new IllegalArgumentException(protocol + " needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD");
            }
        }
    }

    /** From system properties, then the environment; PLAINTEXT when nothing is set. */
    public static KafkaSecurity fromEnvironment() {
        return from(name -> {
            String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
            return property != null ? property : System.getenv(name);
        });
    }

    static KafkaSecurity from(UnaryOperator<String> settings) {
        return new KafkaSecurity(settings.apply("KAFKA_SECURITY_PROTOCOL"), settings.apply("KAFKA_SASL_MECHANISM"),
                settings.apply("KAFKA_SASL_USERNAME"), settings.apply("KAFKA_SASL_PASSWORD"),
                blankToNull(settings.apply("KAFKA_TRUSTSTORE")), settings.apply("KAFKA_TRUSTSTORE_PASSWORD"));
    }

    public boolean isPlaintext() {
        return protocol.equals("PLAINTEXT");
    }

    /** The Kafka client properties for this security; empty for PLAINTEXT. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (isPlaintext()) {
            return p;
        }
        p.put("security.protocol", protocol);
        if (usesSasl(protocol)) {
            p.put("sasl.mechanism", mechanism);
            String module = mechanism.startsWith("SCRAM")
                    ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                    : "org.apache.kafka.common.security.plain.PlainLoginModule";
            p.put("sasl.jaas.config", module + " required username=" + quoted(username)
                    + " password=" + quoted(password) + ";");
        }
        if (trustStore != null && protocol.endsWith("SSL")) {
            String lower = trustStore.toLowerCase(Locale.ROOT);
            boolean pem = lower.endsWith(".pem") || lower.endsWith(".crt");
            p.put("ssl.truststore.type", pem ? "PEM" : "PKCS12");
            p.put("ssl.truststore.location", trustStore);
            if (!pem && trustStorePassword != null) {
                p.put("ssl.truststore.password", trustStorePassword);
            }
        }
        return p;
    }

    private static boolean usesSasl(String protocol) {
        return protocol.startsWith("SASL_");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public String toString() {
        return "KafkaSecurity[" + protocol + (mechanism == null ? "" : ", " + mechanism + " as " + username)
                + (trustStore == null ? "" : ", trusting " + trustStore) + "]";
    }
}
