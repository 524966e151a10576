package org.evcharging.kafka.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaSecurityTest {

    @Test
    void nothingSetIsPlaintextAndAddsNoProperty() {
        KafkaSecurity security = KafkaSecurity.from(name -> null);

        assertThat(security.isPlaintext()).isTrue();
        assertThat(security.clientProperties()).isEmpty();
    }

    @Test
    void saslSslWithScramAndACaFileGivesTheClientEverythingItNeeds() {
        Map<String, String> env = Map.of("KAFKA_SECURITY_PROTOCOL", "sasl_ssl", "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME", "cp", "KAFKA_SASL_PASSWORD", "pa\"ss", "KAFKA_TRUSTSTORE", "/run/tls/ca.pem");

        Map<String, Object> properties = KafkaSecurity.from(env::get).clientProperties();

        assertThat(properties).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/run/tls/ca.pem")
                .doesNotContainKey("ssl.truststore.password");
        assertThat(properties.get("sasl.jaas.config").toString())
                .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"cp\" password=\"pa\\\"ss\";");
    }

    @Test
    void aPkcs12TrustStoreCarriesItsPassword() {
        Map<String, Object> properties = new KafkaSecurity("SSL", null, null, null, "/t/truststore.p12", "pw")
                .clientProperties();

        assertThat(properties).containsEntry("ssl.truststore.type", "PKCS12").containsEntry("ssl.truststore.password", "pw")
                .doesNotContainKey("sasl.mechanism");
    }

    @Test
    void mistakesAreRefusedWithTheVariableToFix() {
        assertThatThrownBy(() -> new KafkaSecurity("TLS", null, null, null, null, null))
                .hasMessageContaining("KAFKA_SECURITY_PROTOCOL");
        assertThatThrownBy(() -> new KafkaSecurity("SASL_SSL", "PLAIN", null, null, null, null))
                .hasMessageContaining("KAFKA_SASL_USERNAME");
        assertThatThrownBy(() -> new KafkaSecurity("SASL_SSL", "GSSAPI", "u", "p", null, null))
                .hasMessageContaining("KAFKA_SASL_MECHANISM");
    }

    @Test
    void theToStringNeverShowsThePassword() {
        assertThat(new KafkaSecurity("SASL_SSL", "PLAIN", "u", "secret", null, null).toString()).doesNotContain("secret");
    }
}
