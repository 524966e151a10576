package org.evcharging.driver.kafka;

import org.evcharging.api.message.WireMessage;

/** Where a record of {@code driver_responses} goes: to the driver it names, if that driver is here. */
@FunctionalInterface
public interface ResponseRouter {

    /**
     * @param kafkaTimestamp when the record was produced (Kafka's create time), for push-latency figures
     */
    void route(String driverId, WireMessage message, long kafkaTimestamp);
}
