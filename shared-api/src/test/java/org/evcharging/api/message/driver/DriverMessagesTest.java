package org.evcharging.api.message.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evcharging.api.message.WireTrees.fieldsOf;
import static org.evcharging.api.message.WireTrees.read;
import static org.evcharging.api.message.WireTrees.treeOf;

import java.util.List;

import org.evcharging.api.message.MessageCodec;
import org.junit.jupiter.api.Test;

class DriverMessagesTest {

    @Test
    void requestsCarryTheFieldsThePythonDriverSends() {
        assertThat(fieldsOf(ChargeRequest.of("cp_001", "driver_001")))
                .containsExactly("type", "message_id", "cp_id", "driver_id", "timestamp");
        assertThat(fieldsOf(StopChargingRequest.of("s-1", "cp_001", "driver_001")))
                .containsExactly("type", "message_id", "session_id", "cp_id", "driver_id", "timestamp");
        assertThat(fieldsOf(AvailableCpsRequest.of("driver_001")))
                .containsExactly("type", "message_id", "driver_id", "timestamp");
        assertThat(fieldsOf(ChargingHistoryRequest.of("driver_001")))
                .containsExactly("type", "message_id", "driver_id", "timestamp");
    }

    @Test
    void historyLimitIsWrittenOnlyWhenAsked() {
        ChargingHistoryRequest limited = ChargingHistoryRequest.of("driver_001", 10);

        assertThat(treeOf(limited).get("limit").intValue()).isEqualTo(10);
        assertThat(read(MessageCodec.toJson(limited), ChargingHistoryRequest.class)).isEqualTo(limited);
    }

    @Test
    void availableCpsSuccessListsThePointsAndFailureCarriesTheError() {
        AvailableCpsRequest request = new AvailableCpsRequest("a-1", "driver_001", 1L);

        AvailableCpsResponse empty = AvailableCpsResponse.success(request, List.of());
        AvailableCpsResponse failed = AvailableCpsResponse.failure(request, "database is locked");

        assertThat(MessageCodec.toJson(empty)).contains("\"charging_points\":[]");
        assertThat(fieldsOf(empty)).containsExactly("type", "message_id", "status", "driver_id", "charging_points", "timestamp");
        assertThat(fieldsOf(failed)).containsExactly("type", "message_id", "status", "driver_id", "timestamp", "error");
        assertThat(failed.messageId()).isEqualTo("a-1");
    }

    @Test
    void historyCountsItsEntries() {
        ChargingHistoryRequest request = new ChargingHistoryRequest("h-1", "driver_001", 1L, null);
        ChargingHistoryEntry entry = new ChargingHistoryEntry("s-1", "cp_001", "2025-11-20T10:15:30", "2025-11-20T10:16:00",
                0.29, 0.06, "completed");

        ChargingHistoryResponse response = ChargingHistoryResponse.success(request, List.of(entry, entry));

        assertThat(response.count()).isEqualTo(2);
        assertThat(fieldsOf(ChargingHistoryResponse.failure(request, "boom")))
                .containsExactly("type", "message_id", "status", "driver_id", "timestamp", "error");
    }

    @Test
    void progressUpdatesOmitTheFaultFields() {
        ChargingStatusUpdate progress = ChargingStatusUpdate.progress("driver_001", "s-1", "cp_001", 0.05, 0.01);

        assertThat(fieldsOf(progress)).containsExactly("type", "message_id", "timestamp", "driver_id", "session_id",
                "cp_id", "energy_consumed_kwh", "total_cost");
        assertThat(progress.faultNotice()).isFalse();
    }

    @Test
    void readsCentralsProgressShapeWithoutCp() {
        ChargingStatusUpdate central = read("{\"type\": \"charging_status_update\", \"message_id\": \"u-1\", "
                + "\"timestamp\": 1763633731, \"driver_id\": \"driver_001\", \"session_id\": \"s-1\", "
                + "\"energy_consumed_kwh\": 0.01, \"total_cost\": 0.0}", ChargingStatusUpdate.class);

        assertThat(central.cpId()).isNull();
        assertThat(central.faultNotice()).isFalse();
    }

    @Test
    void theEngineFaultNoticeIsRecognisedAndWrittenRaw() {
        ChargingStatusUpdate notice = ChargingStatusUpdate.engineFault("driver_001", "s-1", "cp_001", 0.12, 0.02);

        assertThat(notice.faultNotice()).isTrue();
        assertThat(notice.reason()).isEqualTo("CP_ENGINE_FAULT");
        assertThat(MessageCodec.toJson(notice)).contains("\"message\":\"⚠️  Charging Point has experienced a FAULT.");
    }

    @Test
    void connectionErrorUsesCentralsTexts() {
        ConnectionError error = ConnectionError.centralShuttingDown("driver_001");

        assertThat(error.reason()).isEqualTo("Central is shutting down");
        assertThat(error.info()).isEqualTo("Cannot connect to Central. Please try again later.");
        assertThat(fieldsOf(error)).containsExactly("type", "message_id", "timestamp", "driver_id", "reason", "info");
    }
}
