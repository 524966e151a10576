package org.evcharging.driver.portal;

import org.evcharging.api.message.driver.ChargingHistoryEntry;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.model.SessionEnding;

/** Tickets from the two messages that carry one. */
final class TicketOf {

    private TicketOf() {
    }

    static Ticket completion(ChargeCompletion c) {
        String how = c.ending().map(SessionEnding::description).orElse(c.endedBy());
        return new Ticket(c.sessionId(), c.cpId(), c.startTime(), c.endTime(), c.energyConsumedKwh(), c.totalCost(), how);
    }

    static Ticket history(ChargingHistoryEntry e) {
        return new Ticket(e.sessionId(), e.cpId(), e.startTime(), e.endTime(), e.energyConsumedKwh(), e.totalCost(),
                e.status());
    }
}
