package org.evcharging.kafka.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evcharging.api.Topics;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.tls.DevCertificateAuthority;
import org.evcharging.kafka.BrokerSecurity;
import org.evcharging.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real broker with its client listener on SASL_SSL (development CA): who may in, who may not. */
class SaslSslClusterTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final String KEY_PASSWORD = "broker-key-pass";

    @TempDir
    static Path dir;

    static DevCertificateAuthority ca;
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startSecuredBroker() throws IOException {
        ca = new DevCertificateAuthority(dir.resolve("tls"), KEY_PASSWORD, "Test CA").generate(List.of("localhost"));
        broker = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("kafka")).port(TestBrokers.freePort())
                .security(new BrokerSecurity(ca.serverKeyStore(), KEY_PASSWORD,
                        Map.of("central", "central-secret", "cp", "cp-secret")))
                .build();
        broker.start(TestBrokers.START_TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void thePublisherConfiguredByTheEnvironmentSendsOverSaslSslAndAReaderSeesIt() throws Exception {
        String driver = TestBrokers.unique("driver");
        ChargeRequest request = ChargeRequest.of("CP-1", driver);
        Map<String, String> settings = Map.of("kafka.security.protocol", "SASL_SSL", "kafka.sasl.mechanism", "PLAIN",
                "kafka.sasl.username", "cp", "kafka.sasl.password", "cp-secret",
                "kafka.truststore", ca.caPem().toString());
        settings.forEach(System::setProperty);
        try (RecordPublisher publisher = new RecordPublisher(broker.bootstrapServers(), "test-sasl-ssl");
             TopicReader reader = new TopicReader(broker.bootstrapServers(), Topics.DRIVER_CHARGE_REQUESTS,
                     KafkaSecurity.fromEnvironment().clientProperties())) {
            CompletableFuture<Exception> done = new CompletableFuture<>();
            publisher.publish(Topics.DRIVER_CHARGE_REQUESTS, request, done::complete);

            assertThat(done.get(ARRIVAL.toSeconds(), TimeUnit.SECONDS)).isNull();
            await().atMost(ARRIVAL).until(() -> reader.withKey(driver).size() == 1);
            assertThat(reader.withKey(driver).get(0).value()).contains(request.messageId());
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void scramSha512SignsInToo() throws Exception {
        KafkaSecurity scram = new KafkaSecurity("SASL_SSL", "SCRAM-SHA-512", "central", "central-secret",
                ca.trustStore().toString(), KEY_PASSWORD);
        try (KafkaProducer<String, String> producer = producer(scram.clientProperties())) {
            assertThat(producer.send(new ProducerRecord<>(Topics.DRIVER_RESPONSES, "k", "{}"))
                    .get(ARRIVAL.toSeconds(), TimeUnit.SECONDS).offset()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        for (String mechanism : List.of("PLAIN", "SCRAM-SHA-512")) {
            KafkaSecurity wrong = new KafkaSecurity("SASL_SSL", mechanism, "cp", "guessed",
                    ca.caPem().toString(), null);
            try (KafkaProducer<String, String> producer = producer(wrong.clientProperties())) {
                Throwable failure = catchThrowable(() -> producer.send(new ProducerRecord<>(Topics.DRIVER_RESPONSES,
                        "k", "{}")).get(ARRIVAL.toSeconds(), TimeUnit.SECONDS));
                assertThat(causes(failure)).as(mechanism).hasAtLeastOneElementOfType(SaslAuthenticationException.class);
            }
        }
    }

    @Test
    void aClientThatDoesNotTrustTheBrokersCaIsRefused() {
        // TLS with the JVM's public CAs only: the development certificate is not among them.
        KafkaSecurity untrusting = new KafkaSecurity("SASL_SSL", "PLAIN", "cp", "cp-secret", null, null);
        try (KafkaProducer<String, String> producer = producer(untrusting.clientProperties())) {
            Throwable failure = catchThrowable(() -> producer.send(new ProducerRecord<>(Topics.DRIVER_RESPONSES,
                    "k", "{}")).get(ARRIVAL.toSeconds(), TimeUnit.SECONDS));
            assertThat(causes(failure)).hasAtLeastOneElementOfType(SslAuthenticationException.class);
        }
    }

    @Test
    void aPlainTextClientGetsNothing() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        try (Admin admin = Admin.create(config)) {
            Throwable failure = catchThrowable(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS));
            assertThat(failure).as("a PLAINTEXT client must not list the topics").isNotNull();
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
