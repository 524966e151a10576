package org.evcharging.api.message;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Central's generic reply (§3.0): {@code type, message_id, status, info, session_id}, the last
 * two always present ({@code ""} when empty), plus {@code cp_id} and {@code driver_id} when known.
 * Its type is data, derived from the request through {@link MessageType#responseType()}.
 */
public record Response(
        String type,
        String messageId,
        String status,
        String info,
        String sessionId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String cpId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String driverId)
        implements WireMessage, DriverScoped {

    private static final String UNKNOWN_TYPE_INFO = "Unknown message type";
    private static final String INVALID_INFO = "Invalid message: ";
    private static final String PROCESSING_ERROR_INFO = "Error occurred while processing message: ";

    public Response {
        messageId = messageId == null ? "" : messageId;
        info = info == null ? "" : info;
        sessionId = sessionId == null ? "" : sessionId;
    }

    public static Response success(MessageType request, String messageId, String info) {
        return new Response(request.responseType(), messageId, ReplyStatus.SUCCESS, info, "", null, null);
    }

    public static Response failure(MessageType request, String messageId, String info) {
        return new Response(request.responseType(), messageId, ReplyStatus.FAILURE, info, "", null, null);
    }

    /** Python's reply to a type it has no handler for: {@code {type}_response}, "Unknown message type". */
    public static Response unknownType(String requestType, String messageId) {
        return new Response(MessageType.responseTypeFor(requestType), messageId, ReplyStatus.FAILURE,
                UNKNOWN_TYPE_INFO, "", null, null);
    }

    /**
     * The failure reply to a payload that did not parse. Python answers only the unknown-type and
     * missing-field cases (and crashes on non-objects, 10.10); the others get a plain explanation.
     */
    public static Response rejecting(ParseResult.Invalid invalid) {
        String replyType = MessageType.responseTypeFor(invalid.type());
        String info = switch (invalid.reason()) {
            case MISSING_TYPE, UNKNOWN_TYPE -> UNKNOWN_TYPE_INFO;
            case MISSING_FIELDS -> invalid.detail();
            case WRONG_FIELD_TYPE -> PROCESSING_ERROR_INFO + invalid.detail();
            case NOT_JSON, NOT_AN_OBJECT -> INVALID_INFO + invalid.detail();
        };
        return new Response(replyType, invalid.messageId(), ReplyStatus.FAILURE, info, "", null, null);
    }

    public Response withSessionId(String sessionId) {
        return new Response(type, messageId, status, info, sessionId, cpId, driverId);
    }

    public Response withCpId(String cpId) {
        return new Response(type, messageId, status, info, sessionId, cpId, driverId);
    }

    public Response withDriverId(String driverId) {
        return new Response(type, messageId, status, info, sessionId, cpId, driverId);
    }

    public boolean succeeded() {
        return ReplyStatus.SUCCESS.equals(status);
    }
}
