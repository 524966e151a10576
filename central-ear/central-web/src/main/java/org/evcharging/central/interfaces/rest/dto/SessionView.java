package org.evcharging.central.interfaces.rest.dto;

import java.math.BigDecimal;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evcharging.central.application.LiveCharge;
import org.evcharging.central.application.Times;
import org.evcharging.central.domain.model.session.ChargingSession;

/**
 * A charging session for the operator. While it runs, energy and cost are the live figures (the
 * database receives them in batches); times are ISO-8601 UTC.
 */
@Schema(name = "ChargingSession", description = "A charging session, live while it runs")
public record SessionView(String sessionId, String cpId, String driverId,
                          @Schema(enumeration = {"authorized", "in_progress", "completed", "cancelled", "failed"})
                          String state, boolean running, BigDecimal pricePerKwh, BigDecimal energyKwh,
                          BigDecimal totalCost, BigDecimal powerKw, String requestedAt, String startedAt,
                          String endedAt, String endedBy) {

    public static SessionView of(ChargingSession s, Optional<LiveCharge> live) {
        return new SessionView(s.id(), s.cpId(), s.driverId(), s.state().wire(), s.isRunning(), s.pricePerKwh(),
                live.map(LiveCharge::energyKwh).orElse(s.energyKwh()), live.map(LiveCharge::cost).orElse(s.totalCost()),
                live.map(LiveCharge::powerKw).orElse(null), Times.iso(s.requestedAtMillis()),
                Times.iso(s.startedAtMillis()), Times.iso(s.endedAtMillis()), s.endedBy());
    }
}
