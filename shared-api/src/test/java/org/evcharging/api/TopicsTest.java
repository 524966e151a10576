package org.evcharging.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.driver.AvailableCpsRequest;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.api.message.session.ChargingData;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesTheSixTopicsOfTheFirstImplementation() {
        assertThat(Topics.ALL).containsExactlyInAnyOrder("driver_charge_requests", "driver_stop_requests",
                "driver_cps_requests", "driver_responses", "charging_session_data", "charging_session_complete");
        assertThat(Topics.ALL).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Topics.DRIVER_TOPICS.stream(), Topics.SESSION_TOPICS.stream()).toList());
    }

    @Test
    void keysDriverTopicsByDriver() {
        ChargeRequest request = ChargeRequest.of("cp_001", "driver_007");
        Response reply = Response.success(MessageType.CHARGE_REQUEST, "r", "ok").withDriverId("driver_007");
        ChargeCompletion ticket = ChargeCompletion.of("cp_001", "s-1", "driver_007", 0.29, 0.06, SessionEnding.UNPLUGGED);

        assertThat(Topics.keyFor(Topics.DRIVER_CHARGE_REQUESTS, request)).isEqualTo("driver_007");
        assertThat(Topics.keyFor(Topics.DRIVER_CPS_REQUESTS, AvailableCpsRequest.of("driver_007"))).isEqualTo("driver_007");
        assertThat(Topics.keyFor(Topics.DRIVER_RESPONSES, reply)).isEqualTo("driver_007");
        assertThat(Topics.keyFor(Topics.DRIVER_RESPONSES, ticket)).isEqualTo("driver_007");
        assertThat(Topics.keyFor(Topics.DRIVER_RESPONSES,
                ChargingStatusUpdate.progress("driver_007", "s", "cp_001", 0, 0))).isEqualTo("driver_007");
    }

    @Test
    void keysSessionTopicsByCp() {
        ChargingData tick = ChargingData.of("cp_042", "s-1", "driver_007", 0.01, 0.0, 1);
        ChargeCompletion completion = ChargeCompletion.of("cp_042", "s-1", "driver_007", 0.29, 0.06, SessionEnding.MAX_DURATION);

        assertThat(Topics.keyFor(Topics.CHARGING_SESSION_DATA, tick)).isEqualTo("cp_042");
        assertThat(Topics.keyFor(Topics.CHARGING_SESSION_COMPLETE, completion)).isEqualTo("cp_042");
    }

    @Test
    void hasNoKeyForAMessageWithoutTheId() {
        assertThat(Topics.keyFor(Topics.DRIVER_RESPONSES, HeartbeatRequest.of("cp_001", 5))).isNull();
        assertThat(Topics.keyFor(Topics.DRIVER_RESPONSES, Response.unknownType("x", "m"))).isNull();
    }

    @Test
    void refusesTopicsOfNoOneInThisSystem() {
        assertThatThrownBy(() -> Topics.keyFor("charging_point_register", ChargeRequest.of("cp", "d")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.defaultPartitions("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createsEveryTopicWithThreePartitionsSessionCompleteIncluded() {
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(Topics.defaultPartitions(topic)).isEqualTo(3));
    }

    @Test
    void sendsHistoryRequestsOnTheAvailableCpsTopic() {
        assertThat(Topics.requestTopicFor(MessageType.CHARGE_REQUEST)).isEqualTo("driver_charge_requests");
        assertThat(Topics.requestTopicFor(MessageType.STOP_CHARGING_REQUEST)).isEqualTo("driver_stop_requests");
        assertThat(Topics.requestTopicFor(MessageType.AVAILABLE_CPS_REQUEST)).isEqualTo("driver_cps_requests");
        assertThat(Topics.requestTopicFor(MessageType.CHARGING_HISTORY_REQUEST)).isEqualTo("driver_cps_requests");
        assertThatThrownBy(() -> Topics.requestTopicFor(MessageType.HEARTBEAT_REQUEST))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsTheRequestTopicFromTheMessageItself() {
        assertThat(Topics.requestTopicFor(ChargeRequest.of("cp", "d"))).isEqualTo("driver_charge_requests");
        assertThat(Topics.requestTopicFor(AvailableCpsRequest.of("d"))).isEqualTo("driver_cps_requests");
        assertThatThrownBy(() -> Topics.requestTopicFor(ChargeCompletion.of("cp", "s", "d", 1.0, 1.0, SessionEnding.DRIVER_STOP)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
