package org.evcharging.driver.kafka;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.WireMessage;

/**
 * Drivers' requests to Central on their topic (§4.3), keyed by driver id so one driver's requests
 * stay in order (10.29). Sending never blocks a page for long: an unreachable broker shows up as
 * an unanswered request, which the portal reports as Central being unreachable.
 */
@ApplicationScoped
public class RequestPublisher {

    private static final Logger LOG = Logger.getLogger(RequestPublisher.class.getName());

    @Inject
    PortalConfig config;

    private KafkaProducer<String, String> producer;

    @PostConstruct
    void open() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.brokerAddress());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "driver-portal");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Publishes {@code request} on the topic its type belongs to; failures are logged, not thrown. */
    public void publish(WireMessage request, String driverId) {
        String topic = Topics.requestTopicFor(MessageType.fromWire(request.type()).orElseThrow());
        try {
            producer.send(new ProducerRecord<>(topic, driverId, MessageCodec.toJson(request)), (meta, error) -> {
                if (error != null) {
                    LOG.warning(() -> "Could not send " + request.type() + " of " + driverId + ": " + error);
                }
            });
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not send " + request.type() + " of " + driverId + ": " + e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
