package org.evcharging.central.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.AvailableCpsRequest;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.ChargingHistoryRequest;
import org.evcharging.api.message.driver.StopChargingRequest;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.central.application.ChargeRequestHops;
import org.evcharging.central.application.PayloadKeys;
import org.evcharging.central.application.ReturningMonitors;
import org.evcharging.central.application.SessionService;
import org.evcharging.central.domain.model.session.MeterReading;
import org.evcharging.central.domain.shared.DomainException;
import org.evcharging.central.infrastructure.config.CentralConfig;
import org.evcharging.central.infrastructure.health.StartupGate;

/**
 * The topics Central consumes: three through MicroProfile Reactive Messaging channels (configured in
 * microprofile-config.properties), charge requests and meter readings ({@link TelemetryReader}) through
 * plain consumers ({@link GroupReaders}). Like the first implementation, a record is routed by its
 * {@code type}, not by its topic. A record that cannot be used goes to the dead-letter topic and
 * the channel goes on: no exception ever leaves these methods, so a bad record cannot stop a stream.
 */
@ApplicationScoped
public class KafkaConsumers {

    private static final Logger LOG = Logger.getLogger(KafkaConsumers.class.getName());
    private static final Duration START_LOG_PERIOD = Duration.ofSeconds(30);
    static final String CHARGE_REQUESTS_GROUP = "central_driver_requests_group";

    @Inject
    DriverRequests driverRequests;

    @Inject
    SessionService sessions;

    @Inject
    DeadLetters deadLetters;

    @Inject
    StartupGate gate;

    @Inject
    PayloadKeys payloadKeys;

    @Inject
    ReturningMonitors returning;

    @Inject
    GroupReaders readers;

    @Inject
    CentralConfig config;

    /**
     * Charge requests are read by a plain consumer, not a channel: the connector added tens of
     * milliseconds before each request reached Central under load, and joined its group while
     * Central was still starting. A poll's requests are decided together, then committed.
     */
    void readChargeRequests(@Observes Startup event) {
        readers.readOnceStarted(Topics.DRIVER_CHARGE_REQUESTS, CHARGE_REQUESTS_GROUP, config.driverRequestsBatchRecords(),
                this::chargeRequests,
                waitedMillis -> ChargeRequestHops.record(ChargeRequestHops.Hop.IN_KAFKA, waitedMillis * 1_000_000));
    }

    /**
     * A poll of the charge request topic: its charge requests are decided together
     * ({@link DriverRequests#charge(List)}), any other record is handled in its place. Should deciding
     * them together fail, each is handled alone, so none is lost; a request seen before gets its session back.
     */
    void chargeRequests(List<String> records) {
        String topic = Topics.DRIVER_CHARGE_REQUESTS;
        awaitStart(topic);
        ChargeRequestHops.begin();
        try {
            List<ChargeRequest> requests = new ArrayList<>();
            List<String> requestRecords = new ArrayList<>();
            for (String record : records) {
                if (MessageCodec.parse(record) instanceof ParseResult.Parsed parsed
                        && parsed.message() instanceof ChargeRequest request) {
                    ChargeRequestHops.mark(ChargeRequestHops.Hop.PARSE);
                    requests.add(request);
                    requestRecords.add(record);
                } else {
                    handle(topic, record);
                }
            }
            try {
                driverRequests.charge(requests);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Failed to decide " + requests.size() + " charge requests together; each is handled alone", e);
                requestRecords.forEach(record -> handle(topic, record));
            }
        } finally {
            ChargeRequestHops.end();
        }
    }

    @Incoming("driver-stop-requests")
    public void stopRequests(String record) {
        handle(Topics.DRIVER_STOP_REQUESTS, record);
    }

    @Incoming("driver-cps-requests")
    public void cpsRequests(String record) {
        handle(Topics.DRIVER_CPS_REQUESTS, record);
    }

    @Incoming("charging-session-complete")
    public void sessionComplete(String record) {
        handle(Topics.CHARGING_SESSION_COMPLETE, record);
    }

    void handle(String topic, String record) {
        awaitStart(topic);
        try {
            ParseResult parsed = MessageCodec.parse(record);
            if (parsed instanceof ParseResult.Invalid invalid) {
                deadLetters.park(topic, record, invalid.reason() + ": " + invalid.detail());
                return;
            }
            route(topic, record, ((ParseResult.Parsed) parsed).message());
        } catch (DomainException refusal) {
            deadLetters.park(topic, record, refusal.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Failed to process a record of " + topic, e);
            deadLetters.park(topic, record, "processing failed: " + e);
        }
    }

    /**
     * Holds the record (unacknowledged) until Central has started, and a charge request also until the
     * Monitors linked before a restart are back (bounded); the consumer thread waits, nothing is lost.
     */
    private void awaitStart(String topic) {
        try {
            while (!gate.isOpen() && !gate.awaitOpen(START_LOG_PERIOD)) {
                LOG.warning(() -> "A record of " + topic + " waits for Central to finish starting");
            }
            if (Topics.DRIVER_CHARGE_REQUESTS.equals(topic)) {
                returning.awaitReturns();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An Engine record of a CP that must sign, without a valid signature: not applied (logged and audited). */
    boolean refused(String topic, String record, String cpId, String sessionId) {
        return payloadKeys.refusal(topic, record, cpId, sessionId).isPresent();
    }

    private void route(String topic, String record, WireMessage message) {
        if (message instanceof ChargeRequest request) {
            driverRequests.charge(List.of(request));
        } else if (message instanceof StopChargingRequest request) {
            driverRequests.stop(request);
        } else if (message instanceof AvailableCpsRequest request) {
            driverRequests.availableCps(request);
        } else if (message instanceof ChargingHistoryRequest request) {
            driverRequests.history(request);
        } else if (message instanceof ChargingData data) {
            if (refused(topic, record, data.cpId(), data.sessionId())) {
                return;
            }
            sessions.reading(data.sessionId(), MeterReading.of(data.energyConsumedKwh(), data.totalCost()));
        } else if (message instanceof ChargeCompletion completion) {
            if (refused(topic, record, completion.cpId(), completion.sessionId())) {
                return;
            }
            sessions.completion(completion.sessionId(),
                    MeterReading.of(completion.energyConsumedKwh(), completion.totalCost()), completion.ending(), completion.timestamp());
        } else {
            deadLetters.park(topic, record, "a " + message.type() + " does not belong on " + topic);
        }
    }
}
