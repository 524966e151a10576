package org.evcharging.api.message.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evcharging.api.message.WireTrees.fieldsOf;
import static org.evcharging.api.message.WireTrees.read;

import org.evcharging.api.message.InvalidReason;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.model.SessionEnding;
import org.junit.jupiter.api.Test;

class SessionMessagesTest {

    @Test
    void readsTheEnginesTelemetryWithDriverAndTimestamp() {
        ChargingData tick = read("{\"type\": \"charging_data\", \"message_id\": \"d-1\", \"cp_id\": \"cp_001\", "
                + "\"session_id\": \"s-1\", \"driver_id\": \"driver_001\", \"energy_consumed_kwh\": 0.01, "
                + "\"total_cost\": 0.0, \"timestamp\": 1763633731}", ChargingData.class);

        assertThat(tick).isEqualTo(new ChargingData("d-1", "cp_001", "s-1", "driver_001", 0.01, 0.0, 1763633731L, null));
    }

    @Test
    void ourTelemetryAddsItsTickNumber() {
        ChargingData tick = ChargingData.of("cp_001", "s-1", "driver_001", 0.29, 0.06, 29);

        assertThat(fieldsOf(tick)).containsExactly("type", "message_id", "cp_id", "session_id", "driver_id",
                "energy_consumed_kwh", "total_cost", "timestamp", "seq");
        assertThat(tick.seq()).isEqualTo(29L);
    }

    @Test
    void aRelayedTickOmitsWhatTheMonitorDoesNotSend() {
        ChargingData relayed = new ChargingData("d-2", "cp_001", "s-1", null, 0.05, 0.01, null, null);

        assertThat(fieldsOf(relayed)).containsExactly("type", "message_id", "cp_id", "session_id",
                "energy_consumed_kwh", "total_cost");
    }

    @Test
    void completionSaysHowTheSessionEnded() {
        ChargeCompletion completion = ChargeCompletion.of("cp_001", "s-1", "driver_001", 0.29, 0.06,
                SessionEnding.MAX_DURATION);

        assertThat(MessageCodec.toJson(completion)).contains("\"ended_by\":\"max_duration\"");
        assertThat(completion.ending()).contains(SessionEnding.MAX_DURATION);
        assertThat(read(MessageCodec.toJson(completion), ChargeCompletion.class)).isEqualTo(completion);
    }

    @Test
    void aPythonCompletionHasNoEndingAndWritesNoneBack() {
        ChargeCompletion python = read("{\"type\": \"charge_completion\", \"message_id\": \"x-1\", \"cp_id\": \"cp_001\", "
                + "\"session_id\": \"s-1\", \"energy_consumed_kwh\": 0.29, \"total_cost\": 0.06}", ChargeCompletion.class);

        assertThat(python.ending()).isEmpty();
        assertThat(fieldsOf(python)).doesNotContain("ended_by", "driver_id", "timestamp");
    }

    @Test
    void readsCentralsTicketToTheDriver() {
        ChargeCompletion ticket = read("{\"type\": \"charge_completion\", \"message_id\": \"n-1\", \"timestamp\": 1763633770, "
                + "\"driver_id\": \"driver_001\", \"session_id\": \"s-1\", \"cp_id\": \"cp_001\", "
                + "\"energy_consumed_kwh\": 0.29, \"total_cost\": 0.06, \"ended_by\": \"DRIVER-STOP\"}", ChargeCompletion.class);

        assertThat(ticket.driverId()).isEqualTo("driver_001");
        assertThat(ticket.ending()).contains(SessionEnding.DRIVER_STOP);
    }

    @Test
    void aCompletionWithoutTotalsIsRefusedAsPythonCentralDoes() {
        // Python Central's admin-stop notice may carry null totals (10.3); the Engine's copies that
        // follow carry the real ones, so refusing this one loses nothing.
        ParseResult result = MessageCodec.parse("{\"type\": \"charge_completion\", \"message_id\": \"n\", "
                + "\"session_id\": \"s-1\", \"cp_id\": \"cp_001\", \"energy_consumed_kwh\": null, \"total_cost\": null}");

        assertThat(result).isInstanceOfSatisfying(ParseResult.Invalid.class, invalid -> {
            assertThat(invalid.reason()).isEqualTo(InvalidReason.MISSING_FIELDS);
            assertThat(invalid.missingFields()).containsExactly("energy_consumed_kwh", "total_cost");
        });
    }
}
