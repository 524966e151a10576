package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;

import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.DevTls;
import it.org.evcharging.central.support.KafkaDriver;
import it.org.evcharging.central.support.SharedCentral;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.evcharging.api.Topics;
import org.evcharging.api.message.driver.AvailableCpsRequest;
import org.evcharging.api.message.driver.AvailableCpsResponse;
import org.evcharging.kafka.client.KafkaSecurity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Central on a Kafka whose only client listener is SASL_SSL (the development CA's key, SCRAM-SHA-512
 * users): its Reactive Messaging consumers, its publisher and its readiness probe all sign in with the
 * KAFKA_* settings, and a driver's request is answered end to end. It replaces the shared system for
 * its duration (same ports); the next class gets the shared one back.
 */
@ExtendWith(SharedCentral.class)
class KafkaSaslSslIT {

    private static final String CENTRAL_PASSWORD = "central-kafka-secret";
    private static final String DRIVER_PASSWORD = "driver-kafka-secret";
    private static CentralFixture secured;

    @BeforeAll
    static void centralOnASaslSslBroker() throws Exception {
        CentralFixture shared = SharedCentral.system();
        shared.central().stop(Duration.ofSeconds(30));
        shared.kafka().stop();
        secured = CentralFixture.start("sasl-ssl", Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                        "KAFKA_SASL_USERNAME", "central",
                        "KAFKA_SASL_PASSWORD", CENTRAL_PASSWORD,
                        "KAFKA_TRUSTSTORE", DevTls.authority().caPem().toString()),
                Map.of("KAFKA_SSL_KEYSTORE", DevTls.authority().serverKeyStore().toString(),
                        "KAFKA_SSL_KEYSTORE_PASSWORD", DevTls.PASSWORD,
                        "KAFKA_SASL_USERS", "central:" + CENTRAL_PASSWORD + ",driver:" + DRIVER_PASSWORD));
    }

    @AfterAll
    static void backToTheSharedSystem() throws Exception {
        if (secured != null) {
            secured.close();
        }
    }

    @Test
    void centralIsReadyOnlyBecauseItSignedInToTheBroker() throws Exception {
        HttpResponse<String> ready = secured.central().get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(CentralHealthIT.checks(ready.body())).containsEntry("kafka", "UP");
    }

    @Test
    void aDriverSignedInWithScramGetsCentralsAnswerOverSaslSsl() throws Exception {
        KafkaSecurity driver = new KafkaSecurity("SASL_SSL", "SCRAM-SHA-512", "driver", DRIVER_PASSWORD,
                DevTls.authority().caPem().toString(), null);
        try (KafkaDriver client = new KafkaDriver(secured.kafka().bootstrapServers(), "driver_sasl_ssl",
                driver.clientProperties())) {
            AvailableCpsRequest request = AvailableCpsRequest.of(client.id());
            client.send(Topics.DRIVER_CPS_REQUESTS, request);

            AvailableCpsResponse answer = client.await(AvailableCpsResponse.class,
                    r -> request.messageId().equals(r.messageId()), Duration.ofSeconds(90));
            assertThat(answer.messageId()).isEqualTo(request.messageId());
        }
    }
}
