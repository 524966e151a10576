package org.evcharging.central.infrastructure.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evcharging.central.infrastructure.config.CentralConfig;

/**
 * Central's one Kafka producer. A plain producer rather than a Reactive Messaging emitter: records
 * need keys (per-driver order), and the connector's emitter drops records silently while the broker
 * is away, whereas this producer keeps them (idempotently) until it is back or the delivery timeout
 * passes, and logs every record it could not deliver.
 */
@ApplicationScoped
public class KafkaRecords {

    private static final Logger LOG = Logger.getLogger(KafkaRecords.class.getName());

    @Inject
    CentralConfig config;

    private KafkaProducer<String, String> producer;

    public void send(String topic, String key, String json) {
        producer().send(new ProducerRecord<>(topic, key, json), (metadata, error) -> {
            if (error != null) {
                LOG.severe(() -> "Could not deliver a record to " + topic + " (key " + key + "): " + error);
            }
        });
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.brokerAddress(),
                    ProducerConfig.CLIENT_ID_CONFIG, "ev-central",
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 1,
                    // Never block a protocol thread for long when the broker is away; buffer instead.
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
                    ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
