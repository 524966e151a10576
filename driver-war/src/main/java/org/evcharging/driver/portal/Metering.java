package org.evcharging.driver.portal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Energy and cost as Central reports them (cumulative), and the power derived from how fast the
 * energy grows. Updates can arrive twice or out of order (10.1, 10.29): a reading lower than the
 * one shown is stale and ignored, so the figures never go backwards.
 */
final class Metering {

    /** Power is averaged over this window so one late tick does not make it jump. */
    private static final long WINDOW_MS = 3000;

    private final Deque<long[]> samples = new ArrayDeque<>();
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
        samples.addLast(new long[] {receivedAtMillis, Double.doubleToLongBits(energyKwh)});
        while (samples.size() > 2 && receivedAtMillis - samples.peekFirst()[0] > WINDOW_MS) {
            samples.removeFirst();
        }
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

    /** kW over the recent window; zero until two readings exist. */
    double powerKw() {
        if (samples.size() < 2) {
            return 0;
        }
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        double hours = (last[0] - first[0]) / 3_600_000.0;
        double kwh = Double.longBitsToDouble(last[1]) - Double.longBitsToDouble(first[1]);
        return hours <= 0 ? 0 : kwh / hours;
    }

    /** Once supply has ended the power is zero, whatever the last window said. */
    void stop() {
        samples.clear();
    }
}
