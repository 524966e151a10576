package org.evcharging.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class MessageTypeTest {

    @Test
    void findsEveryTypeByItsWireString() {
        for (MessageType type : MessageType.values()) {
            assertThat(MessageType.fromWire(type.wire())).contains(type);
            assertThat(type.wire()).isEqualTo(type.name().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void doesNotGuessUnknownOrDifferentlyCasedTypes() {
        assertThat(MessageType.fromWire("HEARTBEAT_REQUEST")).isEmpty();
        assertThat(MessageType.fromWire("CONNECTION_LOST")).isEmpty();
        assertThat(MessageType.fromWire(null)).isEmpty();
    }

    @Test
    void mapsSeveralReplyTypesToTheGenericResponse() {
        assertThat(Arrays.stream(MessageType.values()).filter(t -> t.recordClass() == Response.class))
                .hasSizeGreaterThan(5)
                .allSatisfy(t -> assertThat(t.wire()).endsWith("_response"));
    }

    @Test
    void givesEveryOtherRecordExactlyOneType() {
        assertThat(Arrays.stream(MessageType.values())
                .map(MessageType::recordClass)
                .filter(c -> c != Response.class))
                .doesNotHaveDuplicates();
    }

    @Test
    void requiredFieldListsAreImmutable() {
        assertThat(MessageType.REGISTER_REQUEST.requiredFields())
                .containsExactly("id", "location", "price_per_kwh", "message_id")
                .isUnmodifiable();
    }
}
