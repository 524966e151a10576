package org.evcharging.central.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.evcharging.kafka.client.KafkaSecurity;
import org.junit.jupiter.api.Test;

class KafkaSecurityConfigSourceTest {

    @Test
    void plaintextLeavesTheConnectorAlone() {
        assertThat(new KafkaSecurityConfigSource(KafkaSecurity.PLAINTEXT).getPropertyNames()).isEmpty();
    }

    @Test
    void saslSslBecomesTheLibertyKafkaConnectorsSettingsBelowExplicitEnvironmentVariables() {
        KafkaSecurityConfigSource source = new KafkaSecurityConfigSource(
                new KafkaSecurity("SASL_SSL", "SCRAM-SHA-512", "central", "pw", "/tls/ca.pem", null));

        assertThat(source.getValue("mp.messaging.connector.liberty-kafka.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(source.getValue("mp.messaging.connector.liberty-kafka.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(source.getValue("mp.messaging.connector.liberty-kafka.ssl.truststore.location")).isEqualTo("/tls/ca.pem");
        assertThat(source.getValue("mp.messaging.connector.liberty-kafka.sasl.jaas.config")).contains("username=\"central\"");
        assertThat(source.getOrdinal()).isBetween(101, 299);
    }
}
