package org.evcharging.api.message;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The one check of required fields, on the JSON tree before binding, with Python's semantics. */
final class RequiredFields {

    private static final String MISSING_TEXT = "Missing required fields in message: ";

    private RequiredFields() {
    }

    /** Required fields that are absent or null: Python tests {@code message.get(f) is None}. */
    static List<String> missingIn(JsonNode object, List<String> required) {
        List<String> missing = new ArrayList<>(0);
        for (String field : required) {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) {
                missing.add(field);
            }
        }
        return missing;
    }

    static String describe(List<String> missing) {
        return MISSING_TEXT + String.join(", ", missing);
    }
}
