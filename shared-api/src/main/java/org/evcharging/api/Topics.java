package org.evcharging.api;

import java.util.List;

import org.evcharging.api.message.CpScoped;
import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.WireMessage;

/**
 * The six Kafka topics (§4.1) and how their records are keyed. The first implementation sent no
 * keys, so one driver's or one CP's records could be read out of order (10.29); we key driver
 * topics by {@code driver_id} and session topics by {@code cp_id}, which keeps each one's records
 * in a single partition, in order.
 */
public final class Topics {

    public static final String DRIVER_CHARGE_REQUESTS = "driver_charge_requests";
    public static final String DRIVER_STOP_REQUESTS = "driver_stop_requests";
    /** Available-CP and history requests both (10.24). */
    public static final String DRIVER_CPS_REQUESTS = "driver_cps_requests";
    public static final String DRIVER_RESPONSES = "driver_responses";
    public static final String CHARGING_SESSION_DATA = "charging_session_data";
    public static final String CHARGING_SESSION_COMPLETE = "charging_session_complete";

    public static final List<String> DRIVER_TOPICS =
            List.of(DRIVER_CHARGE_REQUESTS, DRIVER_STOP_REQUESTS, DRIVER_CPS_REQUESTS, DRIVER_RESPONSES);
    public static final List<String> SESSION_TOPICS = List.of(CHARGING_SESSION_DATA, CHARGING_SESSION_COMPLETE);
    public static final List<String> ALL = List.of(DRIVER_CHARGE_REQUESTS, DRIVER_STOP_REQUESTS,
            DRIVER_CPS_REQUESTS, DRIVER_RESPONSES, CHARGING_SESSION_DATA, CHARGING_SESSION_COMPLETE);

    /**
     * Partitions we create each topic with. Python creates {@code charging_session_complete} with
     * one; three is safe because keys keep each CP's completions in order.
     */
    public static final int DEFAULT_PARTITIONS = 3;

    private Topics() {
    }

    /** The key a record on {@code topic} must carry, or null if the message holds no such id. */
    public static String keyFor(String topic, WireMessage message) {
        if (DRIVER_TOPICS.contains(topic)) {
            return message instanceof DriverScoped scoped ? scoped.driverId() : null;
        }
        if (SESSION_TOPICS.contains(topic)) {
            return message instanceof CpScoped scoped ? scoped.cpId() : null;
        }
        throw new IllegalArgumentException("Not a topic of this system: " + topic);
    }

    public static int defaultPartitions(String topic) {
        if (!ALL.contains(topic)) {
            throw new IllegalArgumentException("Not a topic of this system: " + topic);
        }
        return DEFAULT_PARTITIONS;
    }

    /** Where a driver request goes; history shares the available-CPs topic. */
    public static String requestTopicFor(MessageType driverRequest) {
        return switch (driverRequest) {
            case CHARGE_REQUEST -> DRIVER_CHARGE_REQUESTS;
            case STOP_CHARGING_REQUEST -> DRIVER_STOP_REQUESTS;
            case AVAILABLE_CPS_REQUEST, CHARGING_HISTORY_REQUEST -> DRIVER_CPS_REQUESTS;
            default -> throw new IllegalArgumentException(driverRequest + " is not a driver request");
        };
    }

    /** Where a driver's {@code request} goes, by its wire type. */
    public static String requestTopicFor(WireMessage request) {
        return requestTopicFor(MessageType.fromWire(request.type())
                .orElseThrow(() -> new IllegalArgumentException(request.type() + " is not a driver request")));
    }
}
