package org.evcharging.api.message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Test helpers to look at what a message puts on the wire. */
public final class WireTrees {

    /** A lowercase hyphenated uuid4, as Python's {@code str(uuid.uuid4())}. */
    public static final String UUID4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private WireTrees() {
    }

    public static JsonNode treeOf(WireMessage message) {
        try {
            return Json.mapper().readTree(MessageCodec.toBytes(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field names written, in order. */
    public static List<String> fieldsOf(WireMessage message) {
        List<String> names = new ArrayList<>();
        treeOf(message).fieldNames().forEachRemaining(names::add);
        return names;
    }

    public static <T extends WireMessage> T read(String json, Class<T> type) {
        return MessageCodec.parse(json).messageAs(type)
                .orElseThrow(() -> new AssertionError("not a " + type.getSimpleName() + ": " + MessageCodec.parse(json)));
    }
}
