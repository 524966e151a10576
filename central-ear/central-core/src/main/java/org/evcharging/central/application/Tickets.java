package org.evcharging.central.application;

import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.central.domain.model.session.ChargingSession;

/** The driver's final ticket for a session. */
final class Tickets {

    private Tickets() {
    }

    static ChargeCompletion of(ChargingSession s) {
        return ChargeCompletion.ticket(s.cpId(), s.id(), s.driverId(), s.energyKwh().doubleValue(),
                s.totalCost().doubleValue(), s.endedBy(), Times.iso(s.startOrRequestMillis()),
                Times.iso(s.endedAtMillis()));
    }
}
