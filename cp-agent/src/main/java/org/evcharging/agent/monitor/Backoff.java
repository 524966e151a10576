package org.evcharging.agent.monitor;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Waits between reconnection attempts: 0.5 s, doubling up to a maximum; back to the start once a
 * peer answers. Each wait is drawn between half and all of its step ("equal jitter"): the Monitors
 * of a Central that died all lose their link at the same instant, and without it they would knock on
 * the survivor at the same instant too, and heartbeat in phase from then on.
 */
final class Backoff {

    static final Duration INITIAL = Duration.ofMillis(500);

    private final Duration initial;
    private final Duration max;
    private final LongUnaryOperator randomBelow;
    private Duration next;

    Backoff(Duration max) {
        this(max, bound -> ThreadLocalRandom.current().nextLong(bound));
    }

    Backoff(Duration max, LongUnaryOperator randomBelow) {
        this.max = max;
        this.initial = INITIAL.compareTo(max) < 0 ? INITIAL : max;
        this.randomBelow = randomBelow;
        this.next = initial;
    }

    synchronized Duration next() {
        Duration step = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        long half = step.toNanos() / 2;
        return Duration.ofNanos(half + randomBelow.applyAsLong(step.toNanos() - half + 1));
    }

    synchronized void reset() {
        next = initial;
    }
}
