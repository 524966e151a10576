package org.evcharging.api.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A message as it travels on a socket or a Kafka topic. Its {@code type} is always written first,
 * as every sender of the first implementation does.
 */
@JsonPropertyOrder({"type", "message_id"})
public interface WireMessage {

    /** The wire {@code type} string. */
    @JsonProperty("type")
    String type();

    /** The {@code message_id}; replies echo the request's. */
    String messageId();
}
