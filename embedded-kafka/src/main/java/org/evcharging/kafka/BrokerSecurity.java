package org.evcharging.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The client listener over SASL_SSL: TLS with the key in a PKCS#12 key store (e.g. the launcher's
 * development CA) and SASL sign-in as one of {@code users}, by PLAIN or SCRAM-SHA-512. The KRaft
 * controller listener stays plain on localhost: it never leaves this node.
 *
 * @param keyStore the broker's key and certificate (its SAN must name the advertised host); it must
 *        also hold the CA certificate, since the broker's own clients trust it for their TLS
 */
public record BrokerSecurity(Path keyStore, String keyStorePassword, Map<String, String> users) {

    public static final String LISTENER = "SASL_SSL";
    public static final String PLAIN = "PLAIN";
    public static final String SCRAM_SHA_512 = "SCRAM-SHA-512";

    public BrokerSecurity {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        if (users == null || users.isEmpty()) {
            throw new IllegalArgumentException("SASL_SSL needs at least one user (NAME:PASSWORD)");
        }
        users = Map.copyOf(new LinkedHashMap<>(users));
        keyStore = keyStore.toAbsolutePath();
    }

    /** Parses {@code name:password,name2:password2}. */
    public static Map<String, String> parseUsers(String text) {
        Map<String, String> users = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            int colon = entry.indexOf(':');
            if (colon < 1 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("A SASL user is NAME:PASSWORD, got '" + entry.trim() + "'");
            }
            users.put(entry.substring(0, colon).trim(), entry.substring(colon + 1));
        }
        return users;
    }

    /** The broker's own account for inter-broker traffic and its start-up clients: the first user, by name order. */
    String brokerUser() {
        return users.keySet().stream().sorted().findFirst().orElseThrow();
    }

    void addBrokerProperties(Properties p) {
        String prefix = "listener.name." + LISTENER.toLowerCase() + ".";
        p.setProperty("sasl.enabled.mechanisms", PLAIN + "," + SCRAM_SHA_512);
        p.setProperty("sasl.mechanism.inter.broker.protocol", PLAIN);
        StringBuilder plain = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required")
                .append(" username=").append(quoted(brokerUser()))
                .append(" password=").append(quoted(users.get(brokerUser())));
        users.forEach((name, password) -> plain.append(" user_").append(name).append('=').append(quoted(password)));
        p.setProperty(prefix + "plain.sasl.jaas.config", plain.append(';').toString());
        p.setProperty(prefix + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.setProperty("ssl.keystore.type", "PKCS12");
        p.setProperty("ssl.keystore.location", keyStore.toString());
        p.setProperty("ssl.keystore.password", keyStorePassword);
        p.setProperty("ssl.key.password", keyStorePassword);
        p.setProperty("ssl.truststore.type", "PKCS12");
        p.setProperty("ssl.truststore.location", keyStore.toString());
        p.setProperty("ssl.truststore.password", keyStorePassword);
    }

    /** What the broker's own clients (readiness, topic creation, SCRAM users) need to sign in. */
    Map<String, Object> clientProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("security.protocol", LISTENER);
        p.put("sasl.mechanism", PLAIN);
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username="
                + quoted(brokerUser()) + " password=" + quoted(users.get(brokerUser())) + ";");
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", keyStore.toString());
        p.put("ssl.truststore.password", keyStorePassword);
        return p;
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public String toString() {
        return "BrokerSecurity[" + keyStore + ", users " + users.keySet() + "]";
    }
}
