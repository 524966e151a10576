package org.evcharging.central.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.evcharging.api.Topics;
import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.WireMessage;
import org.evcharging.central.application.ChargeRequestHops;
import org.evcharging.central.application.DriverNotifier;

/** Drivers' messages on {@code driver_responses}, keyed by driver id. */
@ApplicationScoped
public class KafkaDriverNotifier implements DriverNotifier {

    @Inject
    KafkaRecords records;

    @Override
    public <T extends WireMessage & DriverScoped> void notify(T message) {
        if (!ChargeRequestHops.active()) {
            records.publish(Topics.DRIVER_RESPONSES, message);
            return;
        }
        // A charge request's response: how long the broker takes to acknowledge it is the last hop.
        long queued = System.nanoTime();
        records.publish(Topics.DRIVER_RESPONSES, message, error -> {
            if (error == null) {
                ChargeRequestHops.record(ChargeRequestHops.Hop.RESPONSE_ACKED, System.nanoTime() - queued);
            }
        });
        ChargeRequestHops.mark(ChargeRequestHops.Hop.RESPONSE_QUEUED);
    }
}
