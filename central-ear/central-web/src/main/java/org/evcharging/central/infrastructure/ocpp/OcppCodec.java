package org.evcharging.central.infrastructure.ocpp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * OCPP-J framing and payloads as JSON (Jackson, like the rest of Central, but camelCase as OCPP
 * writes it). Every way a text can be wrong ends as an {@link OcppViolation} carrying the error
 * code OCPP-J prescribes, never as another exception.
 */
public final class OcppCodec {

    /** OCPP-J message ids are at most 36 characters (a UUID). */
    static final int MAX_MESSAGE_ID_LENGTH = 36;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // "12" is not a number in OCPP: a string where an integer belongs is a TypeConstraintViolation.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // Nor is 1 a string: Jackson would write it as "1" into a text field.
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private OcppCodec() {
    }

    public static OcppFrame parse(String text) {
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new OcppViolation(OcppErrorCode.FormationViolation, "Not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isArray() || tree.isEmpty()) {
            throw new OcppViolation(OcppErrorCode.FormationViolation, "An OCPP-J message is a JSON array [type, id, ...]");
        }
        JsonNode type = tree.get(0);
        JsonNode id = tree.get(1);
        if (id == null || !id.isTextual() || id.asText().isEmpty() || id.asText().length() > MAX_MESSAGE_ID_LENGTH) {
            throw new OcppViolation(OcppErrorCode.FormationViolation, "The message id must be a string of 1 to "
                    + MAX_MESSAGE_ID_LENGTH + " characters");
        }
        String messageId = id.asText();
        if (!type.isInt()) {
            throw new OcppViolation(OcppErrorCode.FormationViolation, messageId, "The message type must be 2, 3 or 4");
        }
        return switch (type.asInt()) {
            case OcppFrame.CALL -> call(tree, messageId);
            case OcppFrame.CALL_RESULT -> new OcppFrame.CallResult(messageId, element(tree, 2, messageId));
            case OcppFrame.CALL_ERROR -> new OcppFrame.CallError(messageId, tree.path(2).asText(), tree.path(3).asText(), tree.get(4));
            default -> throw new OcppViolation(OcppErrorCode.NotSupported, messageId, "Unknown message type " + type);
        };
    }

    private static OcppFrame.Call call(JsonNode tree, String messageId) {
        if (tree.size() != 4) {
            throw new OcppViolation(OcppErrorCode.ProtocolError, messageId, "A CALL is [2, id, action, payload]");
        }
        JsonNode action = tree.get(2);
        JsonNode payload = tree.get(3);
        if (!action.isTextual() || !payload.isObject()) {
            throw new OcppViolation(OcppErrorCode.FormationViolation, messageId, "A CALL's action is a string and its payload an object");
        }
        return new OcppFrame.Call(messageId, action.asText(), payload);
    }

    private static JsonNode element(JsonNode tree, int index, String messageId) {
        JsonNode node = tree.get(index);
        if (node == null || !node.isObject()) {
            throw new OcppViolation(OcppErrorCode.FormationViolation, messageId, "Element " + index + " must be an object");
        }
        return node;
    }

    public static String call(String messageId, String action, Object payload) {
        return write(array().add(OcppFrame.CALL).add(messageId).add(action).add(JSON.valueToTree(payload)));
    }

    public static String result(String messageId, Object payload) {
        return write(array().add(OcppFrame.CALL_RESULT).add(messageId).add(JSON.valueToTree(payload)));
    }

    public static String error(OcppViolation violation) {
        String id = violation.messageId() == null ? "-1" : violation.messageId();
        String description = violation.getMessage() == null ? "" : violation.getMessage();
        return write(array().add(OcppFrame.CALL_ERROR).add(id).add(violation.code().name())
                .add(description).add(JSON.createObjectNode()));
    }

    /**
     * A payload as its record; a value of the wrong JSON type is a TypeConstraintViolation, a
     * missing or out-of-range one (refused by the record) the violation the record names.
     */
    public static <T> T payload(JsonNode payload, Class<T> type) {
        try {
            return JSON.treeToValue(payload, type);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof OcppViolation violation) {
                throw violation;
            }
            throw new OcppViolation(OcppErrorCode.FormationViolation, e.getOriginalMessage());
        } catch (InvalidFormatException e) {
            throw new OcppViolation(OcppErrorCode.TypeConstraintViolation, "Field " + path(e) + " has the wrong type");
        } catch (MismatchedInputException e) {
            throw new OcppViolation(OcppErrorCode.TypeConstraintViolation, "Field " + path(e) + " has the wrong type");
        } catch (JsonProcessingException e) {
            throw new OcppViolation(OcppErrorCode.FormationViolation, e.getOriginalMessage());
        }
    }

    public static JsonNode tree(Object payload) {
        return JSON.valueToTree(payload);
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("(payload)");
    }

    private static ArrayNode array() {
        return JSON.createArrayNode();
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }
}
