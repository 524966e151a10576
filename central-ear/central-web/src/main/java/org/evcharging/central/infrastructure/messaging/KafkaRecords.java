package org.evcharging.central.infrastructure.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.evcharging.api.message.WireMessage;
import org.evcharging.central.infrastructure.config.CentralConfig;
import org.evcharging.kafka.client.RecordPublisher;

/**
 * Central's one Kafka producer, shared by every bean that writes records. A plain producer rather
 * than a Reactive Messaging emitter: records need keys (per-driver order), and the connector's
 * emitter drops records silently while the broker is away, whereas {@link RecordPublisher} keeps
 * them, in order, until it is back, and never blocks the Monitor connection that sends.
 */
@ApplicationScoped
public class KafkaRecords {

    @Inject
    CentralConfig config;

    private RecordPublisher publisher;

    /** Queues {@code message} for {@code topic}, keyed as the topic's rule says. */
    public void publish(String topic, WireMessage message) {
        publisher().publish(topic, message);
    }

    /** The same; {@code onDone} runs on a Kafka thread with null once the broker acknowledged, else the error. */
    public void publish(String topic, WireMessage message, java.util.function.Consumer<Exception> onDone) {
        publisher().publish(topic, message, onDone);
    }

    /** Queues a record that is not a wire message under {@code key}. */
    public void send(String topic, String key, String json) {
        publisher().send(topic, key, json);
    }

    private synchronized RecordPublisher publisher() {
        if (publisher == null) {
            // linger 0: drivers wait for these answers; the 5 ms default was the response's largest hop.
            publisher = new RecordPublisher(config.brokerAddress(), "ev-central", RecordPublisher.DEFAULT_MAX_BACKLOG, 0);
        }
        return publisher;
    }

    @PreDestroy
    synchronized void close() {
        if (publisher != null) {
            publisher.close();
        }
    }
}
