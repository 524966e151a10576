package org.evcharging.central.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

import org.evcharging.api.message.Json;

/**
 * Records that cannot be processed are logged and kept on the dead-letter topic with the reason,
 * so nothing is silently lost and the consumer goes on (quirk 10.31).
 */
@ApplicationScoped
public class DeadLetters {

    public static final String TOPIC = "ev_dead_letters";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    @Inject
    KafkaRecords records;

    public void park(String sourceTopic, String record, String reason) {
        LOG.warning(() -> "Skipped a record on " + sourceTopic + " (" + reason + "); kept on " + TOPIC);
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("source_topic", sourceTopic);
        letter.put("reason", reason);
        letter.put("record", record);
        letter.put("timestamp", System.currentTimeMillis() / 1000);
        try {
            records.send(TOPIC, sourceTopic, Json.mapper().writeValueAsString(letter));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.severe(() -> "Could not write a dead letter: " + e);
        }
    }
}
