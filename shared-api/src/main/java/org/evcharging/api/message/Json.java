package org.evcharging.api.message;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one configured Jackson mapper for every wire message. Thread-safe; share it.
 *
 * <p>Record component {@code pricePerKwh} is the wire field {@code price_per_kwh}. Unknown fields
 * are ignored, because the first implementation adds fields freely and our own extensions must
 * not break older readers. Non-ASCII text is written raw as UTF-8, as the Python socket side does;
 * the Unicode escapes its Kafka side writes instead are read all the same.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
            // Python's json.loads refuses "{} x"; so do we, rather than act on half a payload.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    /** A mapper configured like the wire's; each caller gets its own, so none can reconfigure another's. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}
