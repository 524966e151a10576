package org.evcharging.central.application.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after too many failed sign-ins within a window, from one source or for
 * one account, further attempts from that source or for that account are refused for a while, even
 * with the right password. A success clears the account's count, not the source's.
 */
public final class SignInThrottle {

    /** Failures allowed per account and per source within {@code window}, and how long a lockout lasts. */
    public record Limits(int perAccount, int perSource, Duration window, Duration lockout) {

        public Limits {
            if (perAccount < 1 || perSource < 1 || window.isNegative() || window.isZero() || lockout.isNegative()) {
                throw new IllegalArgumentException("Sign-in limits must be positive: " + perAccount + ", " + perSource
                        + ", " + window + ", " + lockout);
            }
        }
    }

    /** Beyond this many tracked keys, expired ones are dropped: a flood of names cannot fill memory. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, or empty when it may try now. */
    public Optional<Duration> refusedFor(String sourceIp, String username) {
        Instant now = clock.instant();
        Duration wait = max(lockedFor(accountKey(username), now), lockedFor(sourceKey(sourceIp), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String sourceIp, String username) {
        Instant now = clock.instant();
        if (failures.size() > PRUNE_ABOVE) {
            failures.values().removeIf(f -> f.expired(now, limits));
        }
        if (username != null) {
            failures.computeIfAbsent(accountKey(username), k -> new Failures()).add(now, limits.perAccount(), limits);
        }
        if (sourceIp != null) {
            failures.computeIfAbsent(sourceKey(sourceIp), k -> new Failures()).add(now, limits.perSource(), limits);
        }
    }

    public void succeeded(String username) {
        if (username != null) {
            failures.remove(accountKey(username));
        }
    }

    private Duration lockedFor(String key, Instant now) {
        Failures f = key == null ? null : failures.get(key);
        return f == null ? Duration.ZERO : f.lockedFor(now);
    }

    private static String accountKey(String username) {
        return username == null ? null : "account:" + username;
    }

    private static String sourceKey(String sourceIp) {
        return sourceIp == null ? null : "source:" + sourceIp;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Recent failures of one key and, once too many, until when it is locked. */
    private static final class Failures {
        private final Deque<Instant> recent = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;

        synchronized void add(Instant now, int allowed, Limits limits) {
            Instant windowStart = now.minus(limits.window());
            while (!recent.isEmpty() && recent.peekFirst().isBefore(windowStart)) {
                recent.pollFirst();
            }
            recent.addLast(now);
            if (recent.size() >= allowed) {
                lockedUntil = now.plus(limits.lockout());
                recent.clear();
            }
        }

        synchronized Duration lockedFor(Instant now) {
            return now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil) : Duration.ZERO;
        }

        synchronized boolean expired(Instant now, Limits limits) {
            return !now.isBefore(lockedUntil) && (recent.isEmpty() || recent.peekLast().isBefore(now.minus(limits.window())));
        }
    }
}
