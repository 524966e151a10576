package org.evcharging.agent.engine;

import org.evcharging.api.message.driver.ChargingStatusUpdate;

/** The first implementation's notice to the driver that a fault suspended the session (§4.3, Engine -> Driver). */
final class EngineFaultNotice {

    private EngineFaultNotice() {
    }

    static ChargingStatusUpdate of(Supply supply) {
        return ChargingStatusUpdate.engineFault(supply.driverId(), supply.sessionId(), supply.cpId(),
                Metering.energyForMessage(supply.energyKwh()), Metering.costForMessage(supply.costEuros()));
    }
}
