package org.evcharging.central.domain.model.session;

import java.math.BigDecimal;

/** Aggregates over every session, computed by the store in one query whatever their number. */
public record SessionTotals(long sessions, long sessionsSince, BigDecimal energyKwh, BigDecimal revenue) {
}
