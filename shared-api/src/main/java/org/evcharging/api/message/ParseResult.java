package org.evcharging.api.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What {@link MessageCodec#parse} made of a payload: a message, or the reason it is not one. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Invalid {

    /** The message if it parsed and is of the given record type. */
    default <T extends WireMessage> Optional<T> messageAs(Class<T> recordClass) {
        if (this instanceof Parsed parsed && recordClass.isInstance(parsed.message())) {
            return Optional.of(recordClass.cast(parsed.message()));
        }
        return Optional.empty();
    }

    record Parsed(WireMessage message) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * @param detail a log-ready explanation; for {@link InvalidReason#MISSING_FIELDS} exactly
     *     Python's reply text {@code Missing required fields in message: f1, f2}
     * @param type the {@code type} found, or null when there was none
     * @param messageId the {@code message_id} found (numbers stringified, as Python's replies do), or null
     * @param missingFields the required fields absent or null; empty unless MISSING_FIELDS
     */
    record Invalid(InvalidReason reason, String detail, String type, String messageId, List<String> missingFields)
            implements ParseResult {

        public Invalid {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            missingFields = List.copyOf(missingFields);
        }

        /** The message type, when the payload named one this protocol knows. */
        public Optional<MessageType> knownType() {
            return MessageType.fromWire(type);
        }
    }
}
