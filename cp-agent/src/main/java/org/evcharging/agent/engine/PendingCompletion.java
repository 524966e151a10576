package org.evcharging.agent.engine;

import org.evcharging.api.message.session.ChargeCompletion;

/**
 * A final report not yet known to be safe. It stays on disk until Kafka acknowledged it and a
 * Monitor of its CP took it (the Monitor keeps it in its own outbox from then on); every resend
 * carries the same {@code message_id}, so Central counts it once.
 *
 * @param withheld held back while the Engine is in a simulated fault; reported on recovery
 */
public record PendingCompletion(ChargeCompletion completion, boolean kafkaAcked, boolean handedToMonitor,
                                boolean withheld) {

    public boolean settled() {
        return kafkaAcked && handedToMonitor;
    }
}
