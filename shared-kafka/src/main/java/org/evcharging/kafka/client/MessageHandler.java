package org.evcharging.kafka.client;

import org.evcharging.api.message.WireMessage;

/** Where a {@link ResponseListener} hands each message it could read. */
@FunctionalInterface
public interface MessageHandler {

    /** @param kafkaTimestamp when the record was produced (Kafka's create time) */
    void handle(WireMessage message, long kafkaTimestamp);
}
