package org.evcharging.agent.driver;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.AvailableCp;
import org.evcharging.api.message.driver.AvailableCpsRequest;
import org.evcharging.api.message.driver.AvailableCpsResponse;
import org.evcharging.api.message.driver.ChargingHistoryEntry;
import org.evcharging.api.message.driver.ChargingHistoryResponse;
import org.evcharging.api.message.driver.ChargingHistoryRequest;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.message.driver.StopChargingRequest;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.model.SessionEnding;

/**
 * A tiny Central for driver tests: reads the three driver request topics from their current end
 * and answers on {@code driver_responses} as §4.3 says, following a plan per CP id. Each answer
 * also carries noise a driver must ignore: records for another driver, a stale session's update,
 * a duplicate ticket.
 */
final class ScriptedCentral implements AutoCloseable {

    enum Plan {
        /** Accept, meter five updates, then the ticket (max duration). */
        FINISH,
        /** Accept, meter one update, end with a ticket when the driver asks to stop. */
        UNTIL_STOP,
        /** Refuse as for an unknown CP. */
        REFUSE,
        /** Say nothing at all, as a Central that is down. */
        SILENT
    }

    /** A request as Central received it, with the time it arrived. */
    record Received(ConsumerRecord<String, String> record, WireMessage message, long nanos) {
    }

    static final String OTHER_DRIVER = "foreign_driver";

    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, List<ChargingHistoryEntry>> histories = new ConcurrentHashMap<>();
    private final Map<String, Long> endedNanos = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final Thread thread;
    private int sessions;

    ScriptedCentral(String bootstrapServers) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new KafkaConsumer<>(c);
        List<TopicPartition> partitions = List.of(Topics.DRIVER_CHARGE_REQUESTS, Topics.DRIVER_STOP_REQUESTS,
                        Topics.DRIVER_CPS_REQUESTS).stream()
                .flatMap(t -> consumer.partitionsFor(t).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer = new KafkaProducer<>(p);
        thread = new Thread(this::loop, "scripted-central");
        thread.setDaemon(true);
        thread.start();
    }

    /** What this Central answers a driver's history request with (unanswered otherwise). */
    void history(String driverId, List<ChargingHistoryEntry> sessions) {
        histories.put(driverId, sessions);
    }

    void plan(String cpId, Plan plan) {
        plans.put(cpId, plan);
    }

    List<Received> received(String type) {
        return received.stream().filter(r -> r.message().type().equals(type)).toList();
    }

    /** When the service at {@code cpId} ended (ticket or refusal sent), in nanoTime. */
    Long endedAt(String cpId) {
        return endedNanos.get(cpId);
    }

    /** Puts a record on driver_responses directly, as if from before a driver started. */
    void publish(WireMessage message) {
        try {
            producer.send(new ProducerRecord<>(Topics.DRIVER_RESPONSES,
                    Topics.keyFor(Topics.DRIVER_RESPONSES, message), MessageCodec.toJson(message))).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private void loop() {
        try {
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    WireMessage message = MessageCodec.parse(record.value()).messageAs(WireMessage.class).orElseThrow();
                    received.add(new Received(record, message, System.nanoTime()));
                    answer(message);
                }
            }
        } catch (WakeupException e) {
            consumer.close(Duration.ZERO);
        }
    }

    private void answer(WireMessage message) {
        if (message instanceof ChargeRequest request) {
            charge(request, plans.getOrDefault(request.cpId(), Plan.REFUSE));
        } else if (message instanceof StopChargingRequest stop) {
            publish(Response.success(MessageType.STOP_CHARGING_REQUEST, stop.messageId(), "Stop charging request processed")
                    .withSessionId(stop.sessionId()).withCpId(stop.cpId()).withDriverId(stop.driverId()));
            ticket(stop.cpId(), stop.sessionId(), stop.driverId(), 0.01, SessionEnding.DRIVER_STOP);
        } else if (message instanceof AvailableCpsRequest list) {
            publish(AvailableCpsResponse.success(list, List.of(new AvailableCp("cp_listed", "Test Street 1", 0.25, "ACTIVE"))));
        } else if (message instanceof ChargingHistoryRequest history && histories.containsKey(history.driverId())) {
            publish(ChargingHistoryResponse.success(history, histories.get(history.driverId())));
        }
    }

    private void charge(ChargeRequest request, Plan plan) {
        String driver = request.driverId();
        String cp = request.cpId();
        switch (plan) {
            case SILENT -> { }
            case REFUSE -> {
                endedNanos.put(cp, System.nanoTime());
                publish(Response.failure(MessageType.CHARGE_REQUEST, request.messageId(),
                        "Charging point " + cp + " not registered").withCpId(cp).withDriverId(driver));
            }
            case FINISH, UNTIL_STOP -> {
                String session = "session_" + (++sessions) + "_" + cp;
                publish(Response.success(MessageType.CHARGE_REQUEST, request.messageId(), "authorized")
                        .withSessionId(session).withCpId(cp).withDriverId(driver));
                publishNoise(cp);
                int updates = plan == Plan.FINISH ? 5 : 1;
                for (int i = 1; i <= updates; i++) {
                    publish(ChargingStatusUpdate.progress(driver, session, cp, 0.01 * i, 0.0025 * i));
                }
                if (plan == Plan.FINISH) {
                    ticket(cp, session, driver, 0.05, SessionEnding.MAX_DURATION);
                }
            }
        }
    }

    private void publishNoise(String cp) {
        publish(Response.success(MessageType.CHARGE_REQUEST, "foreign-id", "authorized")
                .withSessionId("foreign_session").withCpId(cp).withDriverId(OTHER_DRIVER));
        publish(ChargingStatusUpdate.progress(OTHER_DRIVER, "foreign_session", cp, 9.99, 9.99));
        publish(ChargeCompletion.ticket(cp, "foreign_session", OTHER_DRIVER, 9.99, 9.99, "max_duration", null, null));
    }

    private void ticket(String cp, String session, String driver, double kwh, SessionEnding ending) {
        ChargeCompletion ticket = ChargeCompletion.ticket(cp, session, driver, kwh, kwh / 4, ending.wire(),
                "2025-11-06T18:12:25Z", "2025-11-06T18:12:35Z");
        publish(ChargingStatusUpdate.progress(driver, "stale_session", cp, 7.77, 7.77));
        endedNanos.put(cp, System.nanoTime());
        publish(ticket);
        publish(ticket);
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(2));
    }
}
