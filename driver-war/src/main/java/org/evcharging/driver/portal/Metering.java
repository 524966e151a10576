package org.evcharging.driver.portal;

import org.evcharging.api.metering.PowerEstimate;

/**
 * Energy and cost as Central reports them (cumulative), and the power derived from how fast the
 * energy grows, estimated as Central's panel does ({@link PowerEstimate}). Updates can arrive twice
 * or out of order (10.1, 10.29): a reading lower than the one shown is stale and ignored, so the
 * figures never go backwards.
 */
final class Metering {

    private PowerEstimate power = PowerEstimate.none();
    private double energyKwh;
    private double cost;
    private long lastKafkaTimestamp;
    private int readings;

    /** Returns true if the reading was news. */
    boolean record(double energyKwh, double cost, long receivedAtMillis, long kafkaTimestamp) {
        if (readings > 0 && energyKwh < this.energyKwh) {
            return false;
        }
        if (readings > 0 && energyKwh == this.energyKwh && cost == this.cost) {
            return false;
        }
        this.energyKwh = energyKwh;
        this.cost = cost;
        this.lastKafkaTimestamp = kafkaTimestamp;
        readings++;
        power = power.withReading(energyKwh, receivedAtMillis);
        return true;
    }

    double energyKwh() {
        return energyKwh;
    }

    double cost() {
        return cost;
    }

    long lastKafkaTimestamp() {
        return lastKafkaTimestamp;
    }

    boolean started() {
        return readings > 0;
    }

    /** kW over the recent window; zero until two distinct readings exist (the page shows a number). */
    double powerKw() {
        return power.kw().orElse(0);
    }

    /** Once supply has ended the power is zero, whatever the last window said. */
    void stop() {
        power = PowerEstimate.none();
    }
}
