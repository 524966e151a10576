package org.evcharging.central.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.central.application.SessionService;
import org.evcharging.central.domain.model.session.MeterReading;
import org.evcharging.central.domain.shared.DomainException;
import org.evcharging.central.infrastructure.config.CentralConfig;

/**
 * The Engines' meter readings on Kafka ({@code charging_session_data}), a batch per poll: every
 * charging CP sends one a second, and a CP that lost Kafka for a while sends its backlog at once.
 * Only a session's latest reading of a batch is applied — it contains the earlier ones — so a
 * flood costs a parse per record and one update per session, not one of each per record. Any
 * other record on the topic is handled as the channels handle theirs, in its place in the order.
 */
@ApplicationScoped
public class TelemetryReader {

    private static final Logger LOG = Logger.getLogger(TelemetryReader.class.getName());
    private static final String TOPIC = Topics.CHARGING_SESSION_DATA;
    static final String GROUP = "central_charging_data_group";

    @Inject
    GroupReaders readers;

    @Inject
    CentralConfig config;

    @Inject
    KafkaConsumers consumers;

    @Inject
    SessionService sessions;

    @Inject
    DeadLetters deadLetters;

    void start(@Observes Startup event) {
        readers.readOnceStarted(TOPIC, GROUP, config.telemetryBatchRecords(), this::batch);
    }

    /** One poll's records, in order. Never throws: a record that cannot be used is parked, the rest go on. */
    void batch(List<String> records) {
        Map<String, Latest> latest = new LinkedHashMap<>();
        for (String record : records) {
            ParseResult parsed = MessageCodec.parse(record);
            if (parsed instanceof ParseResult.Parsed ok && ok.message() instanceof ChargingData data) {
                keepLatest(latest, record, data);
            } else {
                // Not a reading: what came before it is applied first, so the order of the topic holds.
                apply(latest);
                consumers.handle(TOPIC, record);
            }
        }
        apply(latest);
    }

    private void keepLatest(Map<String, Latest> latest, String record, ChargingData data) {
        if (consumers.refused(TOPIC, record, data.cpId(), data.sessionId())) {
            return;
        }
        try {
            MeterReading reading = MeterReading.of(data.energyConsumedKwh(), data.totalCost());
            Latest before = latest.get(data.sessionId());
            latest.put(data.sessionId(), new Latest(record, reading, before == null ? 0 : before.skipped + 1));
        } catch (DomainException refusal) {
            deadLetters.park(TOPIC, record, refusal.getMessage());
        }
    }

    private void apply(Map<String, Latest> latest) {
        latest.forEach((sessionId, last) -> {
            try {
                sessions.reading(sessionId, last.reading);
            } catch (DomainException refusal) {
                deadLetters.park(TOPIC, last.record, refusal.getMessage() + last.earlier());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Failed to apply a reading of session " + sessionId, e);
                deadLetters.park(TOPIC, last.record, "processing failed: " + e + last.earlier());
            }
        });
        latest.clear();
    }

    /** A session's newest reading in the batch, and how many older ones it stands for. */
    private record Latest(String record, MeterReading reading, int skipped) {
        String earlier() {
            return skipped == 0 ? "" : " (and " + skipped + " earlier readings of the session in the same batch)";
        }
    }
}
