package org.evcharging.central.application.driver;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed sign-ins in a sliding window, per account and per source address. While either
 * count is at its limit, further attempts are refused without checking the password, so guessing
 * costs the attacker time and costs Central no hashing. A success clears the account's count but
 * not the source's: one valid account must not reset a source that is guessing others.
 */
public final class SignInThrottle {

    /** Beyond this many tracked keys, expired ones are swept: memory stays bounded under a spray of ids. */
    private static final int SWEEP_ABOVE = 10_000;

    private final SignInLimits limits;
    private final Map<String, Deque<Long>> failures = new HashMap<>();

    public SignInThrottle(SignInLimits limits) {
        this.limits = limits;
    }

    /** How long the attempt must wait, if the account or the source is at its limit. */
    public synchronized Optional<Duration> blockedFor(String driverId, String source, long nowMs) {
        long waitMs = Math.max(waitMs(accountKey(driverId), limits.perAccount(), nowMs),
                source == null ? 0 : waitMs(sourceKey(source), limits.perSource(), nowMs));
        return waitMs > 0 ? Optional.of(Duration.ofMillis(waitMs)) : Optional.empty();
    }

    public synchronized void failed(String driverId, String source, long nowMs) {
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().forEach(times -> expire(times, nowMs));
            failures.values().removeIf(Deque::isEmpty);
        }
        failures.computeIfAbsent(accountKey(driverId), k -> new ArrayDeque<>()).addLast(nowMs);
        if (source != null) {
            failures.computeIfAbsent(sourceKey(source), k -> new ArrayDeque<>()).addLast(nowMs);
        }
    }

    public synchronized void succeeded(String driverId) {
        failures.remove(accountKey(driverId));
    }

    private long waitMs(String key, int limit, long nowMs) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        expire(times, nowMs);
        if (times.size() < limit) {
            return 0;
        }
        // Free again when enough of the oldest failures have left the window.
        long freedAt = times.stream().skip(times.size() - limit).findFirst().orElse(nowMs) + limits.window().toMillis();
        return Math.max(1, freedAt - nowMs);
    }

    private void expire(Deque<Long> times, long nowMs) {
        long oldestKept = nowMs - limits.window().toMillis();
        while (!times.isEmpty() && times.peekFirst() <= oldestKept) {
            times.removeFirst();
        }
    }

    private static String accountKey(String driverId) {
        return "account:" + driverId;
    }

    private static String sourceKey(String source) {
        return "source:" + source;
    }
}
