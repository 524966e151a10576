package org.evcharging.central.infrastructure.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.evcharging.kafka.client.KafkaSecurity;

/**
 * Gives Central's Reactive Messaging connector the same Kafka security as every other client of
 * the system (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_TRUSTSTORE*: see {@link KafkaSecurity}), as
 * {@code mp.messaging.connector.liberty-kafka.*} properties. Its ordinal sits above
 * microprofile-config.properties (100) and below the environment (300), so an explicit
 * {@code MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_...} variable still wins. Nothing is added for PLAINTEXT.
 */
public final class KafkaSecurityConfigSource implements ConfigSource {

    static final String PREFIX = "mp.messaging.connector.liberty-kafka.";
    private static final int ORDINAL = 150;

    private final Map<String, String> properties;

    public KafkaSecurityConfigSource() {
        this(KafkaSecurity.fromEnvironment());
    }

    KafkaSecurityConfigSource(KafkaSecurity security) {
        Map<String, String> values = new TreeMap<>();
        security.clientProperties().forEach((key, value) -> values.put(PREFIX + key, String.valueOf(value)));
        this.properties = Map.copyOf(values);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "EV Charging Kafka security (KAFKA_SECURITY_PROTOCOL ...)";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
