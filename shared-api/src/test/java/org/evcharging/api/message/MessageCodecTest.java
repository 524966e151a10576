package org.evcharging.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.evcharging.api.message.ParseResult.Invalid;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.session.ChargeCompletion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "[{\"type\": \"heartbeat_request\"}]", "\"heartbeat_request\"", "42", "4.2",
            "true", "null"})
    void refusesJsonThatIsNotAnObject(String payload) {
        // Python's Central and Engine crashed on these and dropped the connection (10.10).
        assertThat(invalid(payload).reason()).isEqualTo(InvalidReason.NOT_AN_OBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"type\": }", "not json", "{} {}", "{\"type\": \"x\"} trailing",
            "{'type': 'heartbeat_request'}"})
    void refusesWhatIsNotJson(String payload) {
        assertThat(invalid(payload).reason()).isEqualTo(InvalidReason.NOT_JSON);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = "{\"type\": \"heartbeat_request\", \"id\": \"Alcal\u00e1\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(invalid(latin1).reason()).isEqualTo(InvalidReason.NOT_JSON);
    }

    @Test
    void refusesHostileNestingWithoutOverflowingTheStack() {
        String deepArray = "[".repeat(200_000);
        String deepField = "{\"type\": \"heartbeat_request\", \"message_id\": \"m1\", \"id\": "
                + "[".repeat(50_000) + "]".repeat(50_000) + "}";

        assertThat(invalid(deepArray).reason()).isEqualTo(InvalidReason.NOT_JSON);
        assertThat(invalid(deepField).reason()).isEqualTo(InvalidReason.NOT_JSON);
    }

    @Test
    void refusesNullInput() {
        assertThat(invalid((byte[]) null).reason()).isEqualTo(InvalidReason.NOT_JSON);
        assertThat(invalid((String) null).reason()).isEqualTo(InvalidReason.NOT_JSON);
    }

    @Test
    void reportsAMissingOrNullTypeWithTheMessageId() {
        Invalid absent = invalid("{\"message_id\": \"m-1\", \"id\": \"cp_001\"}");
        Invalid nullType = invalid("{\"type\": null, \"message_id\": \"m-2\"}");

        assertThat(absent.reason()).isEqualTo(InvalidReason.MISSING_TYPE);
        assertThat(absent.messageId()).isEqualTo("m-1");
        assertThat(absent.type()).isNull();
        assertThat(nullType.reason()).isEqualTo(InvalidReason.MISSING_TYPE);
        assertThat(nullType.messageId()).isEqualTo("m-2");
    }

    @Test
    void capturesTypeAndMessageIdOfAnUnknownType() {
        Invalid invalid = invalid("{\"type\": \"teleport_request\", \"message_id\": \"m-7\", \"to\": \"mars\"}");

        assertThat(invalid.reason()).isEqualTo(InvalidReason.UNKNOWN_TYPE);
        assertThat(invalid.type()).isEqualTo("teleport_request");
        assertThat(invalid.messageId()).isEqualTo("m-7");
        assertThat(invalid.knownType()).isEmpty();
    }

    @Test
    void treatsANonStringTypeAsUnknown() {
        Invalid invalid = invalid("{\"type\": 7, \"message_id\": \"m-8\"}");

        assertThat(invalid.reason()).isEqualTo(InvalidReason.UNKNOWN_TYPE);
        assertThat(invalid.type()).isEqualTo("7");
    }

    @Test
    void stringifiesANumericMessageIdAsPythonRepliesDo() {
        Invalid invalid = invalid("{\"type\": \"nope\", \"message_id\": 12345}");

        assertThat(invalid.messageId()).isEqualTo("12345");
    }

    @Test
    void namesTheFieldOfTheWrongType() {
        Invalid invalid = invalid("{\"type\": \"register_request\", \"message_id\": \"m-2\", \"id\": \"cp_001\", "
                + "\"location\": \"Unknown\", \"price_per_kwh\": \"cheap\"}");

        assertThat(invalid.reason()).isEqualTo(InvalidReason.WRONG_FIELD_TYPE);
        assertThat(invalid.detail()).contains("price_per_kwh");
        assertThat(invalid.type()).isEqualTo("register_request");
        assertThat(invalid.messageId()).isEqualTo("m-2");
    }

    @Test
    void refusesAnObjectWhereAStringBelongs() {
        Invalid invalid = invalid("{\"type\": \"heartbeat_request\", \"message_id\": \"m1\", \"id\": {\"cp\": 1}}");

        assertThat(invalid.reason()).isEqualTo(InvalidReason.WRONG_FIELD_TYPE);
        assertThat(invalid.detail()).contains("id");
    }

    @Test
    void acceptsANumericStringPriceAsPythonsFloatDoes() {
        ParseResult result = MessageCodec.parse("{\"type\": \"register_request\", \"message_id\": \"m-2\", "
                + "\"id\": \"cp_001\", \"location\": \"Unknown\", \"price_per_kwh\": \"0.25\"}");

        assertThat(result.messageAs(RegisterRequest.class)).get()
                .extracting(RegisterRequest::pricePerKwh).isEqualTo(0.25);
    }

    @Test
    void takesTheLastOfDuplicateKeysAsPythonDoes() {
        ParseResult result = MessageCodec.parse(
                "{\"type\": \"heartbeat_request\", \"message_id\": \"m1\", \"id\": \"cp_old\", \"id\": \"cp_new\"}");

        assertThat(result.messageAs(HeartbeatRequest.class)).get().extracting(HeartbeatRequest::id).isEqualTo("cp_new");
    }

    @Test
    void readsUnicodeEscapesFromKafkaAndWritesRawUtf8() {
        String kafka = "{\"type\": \"charge_completion\", \"message_id\": \"x-1\", \"cp_id\": \"cp_\\u20ac\\u00f1\", "
                + "\"session_id\": \"s-1\", \"energy_consumed_kwh\": 0.29, \"total_cost\": 0.06}";

        ChargeCompletion completion = MessageCodec.parse(kafka).messageAs(ChargeCompletion.class).orElseThrow();
        byte[] written = MessageCodec.toBytes(completion);

        assertThat(completion.cpId()).isEqualTo("cp_€ñ");
        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"cp_id\":\"cp_€ñ\"").doesNotContain("\\u");
        assertThat(written).containsSequence("€".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsRawUtf8FromTheSocket() {
        byte[] socket = "{\"type\": \"register_request\", \"message_id\": \"m\", \"id\": \"cp\", \"location\": \"Plaza Espa\u00f1a \u26a1\", \"price_per_kwh\": 0.2}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(MessageCodec.parse(socket).messageAs(RegisterRequest.class)).get()
                .extracting(RegisterRequest::location).isEqualTo("Plaza España ⚡");
    }

    @Test
    void escapesControlCharactersSoAFrameNeverHoldsRawStxOrEtx() {
        byte[] written = MessageCodec.toBytes(new HeartbeatRequest("m\u0002", "cp\u0003", null));

        assertThat(written).doesNotContain((byte) 0x02, (byte) 0x03);
        assertThat(MessageCodec.parse(written).messageAs(HeartbeatRequest.class)).get()
                .extracting(HeartbeatRequest::id).isEqualTo("cp\u0003");
    }

    @Test
    void messageAsIsEmptyForOtherTypesAndForInvalidPayloads() {
        ParseResult heartbeat = MessageCodec.parse(WireSamples.of(MessageType.HEARTBEAT_REQUEST).pythonJson());

        assertThat(heartbeat.messageAs(RegisterRequest.class)).isEmpty();
        assertThat(heartbeat.messageAs(WireMessage.class)).isPresent();
        assertThat(MessageCodec.parse("[]").messageAs(WireMessage.class)).isEmpty();
    }

    private static Invalid invalid(String payload) {
        return (Invalid) MessageCodec.parse(payload);
    }

    private static Invalid invalid(byte[] payload) {
        return (Invalid) MessageCodec.parse(payload);
    }
}
