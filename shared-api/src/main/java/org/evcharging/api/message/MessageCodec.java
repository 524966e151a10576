package org.evcharging.api.message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;

/**
 * Reads and writes wire messages as UTF-8 JSON. {@link #parse} never throws: every payload a peer
 * can send becomes either a message or an {@link ParseResult.Invalid} that says enough to reply.
 */
public final class MessageCodec {

    private static final ObjectMapper MAPPER = Json.mapper();

    private MessageCodec() {
    }

    public static byte[] toBytes(WireMessage message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + message.type() + " as JSON", e);
        }
    }

    public static String toJson(WireMessage message) {
        return new String(toBytes(message), StandardCharsets.UTF_8);
    }

    public static ParseResult parse(String json) {
        return json == null ? notJson("no payload") : parse(json.getBytes(StandardCharsets.UTF_8));
    }

    public static ParseResult parse(byte[] utf8) {
        if (utf8 == null) {
            return notJson("no payload");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(utf8);
        } catch (IOException | RuntimeException e) {
            return notJson(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.toString());
        }
        if (tree == null || tree.isMissingNode()) {
            return notJson("empty payload");
        }
        return parse(tree);
    }

    private static ParseResult parse(JsonNode tree) {
        if (!tree.isObject()) {
            return invalid(InvalidReason.NOT_AN_OBJECT, "payload is a JSON " + describe(tree.getNodeType())
                    + ", not an object", null, null);
        }
        String messageId = scalarText(tree.get("message_id"));
        JsonNode typeNode = tree.get("type");
        if (typeNode == null || typeNode.isNull()) {
            return invalid(InvalidReason.MISSING_TYPE, "message has no type", null, messageId);
        }
        String type = typeNode.isTextual() ? typeNode.textValue() : typeNode.toString();
        Optional<MessageType> known = typeNode.isTextual() ? MessageType.fromWire(type) : Optional.empty();
        if (known.isEmpty()) {
            return invalid(InvalidReason.UNKNOWN_TYPE, "unknown message type: " + type, type, messageId);
        }
        List<String> missing = RequiredFields.missingIn(tree, known.get().requiredFields());
        if (!missing.isEmpty()) {
            return new ParseResult.Invalid(InvalidReason.MISSING_FIELDS, RequiredFields.describe(missing),
                    type, messageId, missing);
        }
        try {
            return new ParseResult.Parsed(MAPPER.treeToValue(tree, known.get().recordClass()));
        } catch (JsonProcessingException | RuntimeException e) {
            return invalid(InvalidReason.WRONG_FIELD_TYPE, wrongFieldDetail(e), type, messageId);
        }
    }

    private static String wrongFieldDetail(Exception e) {
        if (e instanceof JsonMappingException d && !d.getPath().isEmpty()) {
            String field = d.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "field " + field + " has the wrong type: " + d.getOriginalMessage();
        }
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.toString();
    }

    /** Python replies with {@code str(message_id)}, so a numeric id is still echoed; objects are not ids. */
    private static String scalarText(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static String describe(JsonNodeType nodeType) {
        return nodeType.name().toLowerCase(Locale.ROOT);
    }

    private static ParseResult notJson(String detail) {
        return invalid(InvalidReason.NOT_JSON, "payload is not JSON: " + detail, null, null);
    }

    private static ParseResult invalid(InvalidReason reason, String detail, String type, String messageId) {
        return new ParseResult.Invalid(reason, detail, type, messageId, List.of());
    }
}
