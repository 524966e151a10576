package org.evcharging.central.application;

import java.math.BigDecimal;

/**
 * A supply in progress as the operator sees it: the driver id (the only personal datum shown),
 * the power estimated from the recent readings (the figure the driver sees too), and energy and cost so far.
 */
public record LiveCharge(String sessionId, String driverId, BigDecimal powerKw, BigDecimal energyKwh,
                         BigDecimal cost, boolean supplying) {
}
