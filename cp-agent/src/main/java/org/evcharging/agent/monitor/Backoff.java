package org.evcharging.agent.monitor;

import java.time.Duration;

/** Waits between reconnection attempts: 0.5 s, doubling up to a maximum; back to the start once a peer answers. */
final class Backoff {

    static final Duration INITIAL = Duration.ofMillis(500);

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration max) {
        this.max = max;
        this.initial = INITIAL.compareTo(max) < 0 ? INITIAL : max;
        this.next = initial;
    }

    synchronized Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    synchronized void reset() {
        next = initial;
    }
}
