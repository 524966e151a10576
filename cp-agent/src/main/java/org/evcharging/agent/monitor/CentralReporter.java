package org.evcharging.agent.monitor;

import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;

/** What the Engine side of a Monitor tells the Central side. */
interface CentralReporter {

    /** The Engine just failed: tell Central at once (if registered). */
    void engineFailed(String failureInfo);

    /** The Engine is healthy again after a failure. */
    void engineRecovered();

    /** The CP's true state may have changed: report it if it did. */
    void statusMayHaveChanged();

    /** Report the CP's true state even if unchanged (Central may believe otherwise, e.g. after a refused start). */
    void restateStatus();

    void relayTelemetry(ChargingData data);

    void relayCompletion(ChargeCompletion completion);
}
