package org.evcharging.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.evcharging.api.message.ParseResult.Invalid;
import org.evcharging.api.message.ParseResult.Parsed;
import org.evcharging.api.message.WireSamples.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every wire type, read from the Python implementation's text and written back. */
class EveryMessageTypeTest {

    static Stream<Sample> samples() {
        return WireSamples.all().stream();
    }

    static Stream<Sample> samplesWithRequiredFields() {
        return samples().filter(s -> !s.type().requiredFields().isEmpty());
    }

    @Test
    void everyTypeHasASample() {
        for (MessageType type : MessageType.values()) {
            assertThat(WireSamples.of(type)).as("sample for %s", type).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsPythonTextAsTheRecord(Sample sample) {
        ParseResult result = MessageCodec.parse(sample.pythonJson());

        assertThat(result).isEqualTo(new Parsed(sample.expected()));
        assertThat(sample.expected().type()).isEqualTo(sample.type().wire());
        assertThat(sample.expected()).isInstanceOf(sample.type().recordClass());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writesTheSameFieldNamesTypeFirstAndReadsBackEqual(Sample sample) throws Exception {
        byte[] written = MessageCodec.toBytes(sample.expected());

        assertThat(fieldNames(Json.mapper().readTree(written)))
                .containsExactlyInAnyOrderElementsOf(fieldNames(Json.mapper().readTree(sample.pythonJson())))
                .startsWith("type");
        assertThat(MessageCodec.parse(written)).isEqualTo(new Parsed(sample.expected()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void ignoresFieldsItDoesNotKnow(Sample sample) {
        ObjectNode tree = tree(sample);
        tree.putObject("added_by_a_newer_peer").putArray("nested").add(1).add("two");
        tree.put("zz_extension", 42);

        assertThat(MessageCodec.parse(tree.toString())).isEqualTo(new Parsed(sample.expected()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesWithRequiredFields")
    void reportsEveryAbsentRequiredFieldInPythonsOrder(Sample sample) {
        ObjectNode tree = tree(sample);
        List<String> required = sample.type().requiredFields();
        required.forEach(tree::remove);

        Invalid invalid = (Invalid) MessageCodec.parse(tree.toString());

        assertThat(invalid.reason()).isEqualTo(InvalidReason.MISSING_FIELDS);
        assertThat(invalid.missingFields()).isEqualTo(required);
        assertThat(invalid.detail()).isEqualTo("Missing required fields in message: " + String.join(", ", required));
        assertThat(invalid.type()).isEqualTo(sample.type().wire());
        assertThat(invalid.knownType()).contains(sample.type());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesWithRequiredFields")
    void treatsANullRequiredFieldAsMissing(Sample sample) {
        for (String field : sample.type().requiredFields()) {
            ObjectNode tree = tree(sample);
            tree.putNull(field);

            ParseResult result = MessageCodec.parse(tree.toString());

            assertThat(result).as(field).isInstanceOfSatisfying(Invalid.class, invalid -> {
                assertThat(invalid.reason()).isEqualTo(InvalidReason.MISSING_FIELDS);
                assertThat(invalid.missingFields()).containsExactly(field);
                assertThat(invalid.messageId()).isEqualTo(field.equals("message_id") ? null : sample.expected().messageId());
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyRequiredFieldIsOneTheRecordWrites(Sample sample) throws Exception {
        List<String> written = fieldNames(Json.mapper().readTree(MessageCodec.toBytes(sample.expected())));

        assertThat(written).containsAll(sample.type().requiredFields());
    }

    private static ObjectNode tree(Sample sample) {
        try {
            return (ObjectNode) Json.mapper().readTree(sample.pythonJson());
        } catch (Exception e) {
            throw new AssertionError("sample of " + sample.type() + " is not JSON", e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
