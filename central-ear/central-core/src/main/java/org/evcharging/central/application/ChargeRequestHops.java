package org.evcharging.central.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where a charge request's time goes inside Central, hop by hop, without a profiler: the thread
 * that handles a poll's requests calls {@link #begin}, then {@link #mark} after each hop (of one
 * request, or of all at once), {@link #handled} after each response, then {@link #end};
 * each hop's duration (System.nanoTime deltas) lands in a small fixed-bucket histogram. Costs a
 * ThreadLocal read and an atomic increment per hop; marks outside a charge request do nothing.
 */
public final class ChargeRequestHops {

    /** The hops in the order a request passes them; each is measured from the previous mark. */
    public enum Hop {
        IN_KAFKA("driver's producer stamped the record -> Central polled it (ms clock; not part of handler_total)"),
        PARSE("poll handed to Central -> record parsed (each from the previous one)"),
        DEDUP_READ("requests decided alone: driver's running session checked (message_id read only if one runs)"),
        ADMIT("requests decided alone: panel notice"),
        DB_COMMIT("one transaction for the poll's requests: message_id lookups, sessions + CPs written, committed"),
        SOCKET_WRITE("start_charging_command written/queued to the CP's socket"),
        RESPONSE_QUEUED("charge_request_response built and queued for Kafka"),
        HANDLER_TOTAL("whole handler: poll handed to Central -> the request's response queued"),
        TO_START_COMMAND("poll handed to Central -> the request's start command written"),
        RESPONSE_ACKED("response queued -> acknowledged by the broker (producer linger + send)");

        private final String description;

        Hop(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Upper bounds of the buckets, in microseconds; the last bucket is open-ended. */
    private static final long[] BOUNDS_MICROS = {10, 20, 50, 100, 200, 300, 500, 750, 1_000, 1_500, 2_000, 3_000,
            5_000, 7_500, 10_000, 15_000, 20_000, 30_000, 50_000, 75_000, 100_000, 200_000, 500_000, 1_000_000,
            Long.MAX_VALUE};

    private static final Histogram[] HISTOGRAMS = new Histogram[Hop.values().length];
    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

    static {
        for (int i = 0; i < HISTOGRAMS.length; i++) {
            HISTOGRAMS[i] = new Histogram();
        }
    }

    private ChargeRequestHops() {
    }

    /** Charge requests (a poll's, decided together) start being handled on this thread. */
    public static void begin() {
        long now = System.nanoTime();
        long[] marks = CURRENT.get();
        if (marks == null) {
            marks = new long[2];
            CURRENT.set(marks);
        }
        marks[0] = now;
        marks[1] = now;
    }

    /** The hop just finished on this thread (nothing when no charge request is being handled here). */
    public static void mark(Hop hop) {
        markEach(hop, 1);
    }

    /** The hop just finished for {@code requests} requests at once, e.g. the transaction they shared. */
    public static void markEach(Hop hop, int requests) {
        long[] marks = CURRENT.get();
        if (marks == null || marks[0] == 0) {
            return;
        }
        long now = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            record(hop, now - marks[1]);
            if (hop == Hop.SOCKET_WRITE) {
                record(Hop.TO_START_COMMAND, now - marks[0]);
            }
        }
        marks[1] = now;
    }

    /** Whether this thread is handling a charge request (so a reply published now is its response). */
    public static boolean active() {
        long[] marks = CURRENT.get();
        return marks != null && marks[0] != 0;
    }

    /** One request was answered: its whole time in the handler, counted from {@link #begin}. */
    public static void handled() {
        long[] marks = CURRENT.get();
        if (marks != null && marks[0] != 0) {
            record(Hop.HANDLER_TOTAL, System.nanoTime() - marks[0]);
        }
    }

    /** The requests handled on this thread are done. */
    public static void end() {
        long[] marks = CURRENT.get();
        if (marks != null) {
            marks[0] = 0;
        }
    }

    public static void record(Hop hop, long nanos) {
        HISTOGRAMS[hop.ordinal()].add(nanos / 1_000);
    }

    /** Per hop: count, mean, p50, p90, p99 (bucket upper bounds) and max, in microseconds. */
    public static Map<String, Map<String, Object>> snapshot() {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        for (Hop hop : Hop.values()) {
            all.put(hop.name().toLowerCase(), HISTOGRAMS[hop.ordinal()].snapshot(hop.description()));
        }
        return all;
    }

    public static void reset() {
        for (Histogram histogram : HISTOGRAMS) {
            histogram.reset();
        }
    }

    private static final class Histogram {
        private final AtomicLongArray counts = new AtomicLongArray(BOUNDS_MICROS.length);
        private final AtomicLong sum = new AtomicLong();
        private final AtomicLong max = new AtomicLong();

        void add(long micros) {
            int i = 0;
            while (micros > BOUNDS_MICROS[i]) {
                i++;
            }
            counts.incrementAndGet(i);
            sum.addAndGet(micros);
            max.accumulateAndGet(micros, Math::max);
        }

        void reset() {
            for (int i = 0; i < counts.length(); i++) {
                counts.set(i, 0);
            }
            sum.set(0);
            max.set(0);
        }

        Map<String, Object> snapshot(String description) {
            long[] c = new long[counts.length()];
            long total = 0;
            for (int i = 0; i < c.length; i++) {
                c[i] = counts.get(i);
                total += c[i];
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("hop", description);
            view.put("count", total);
            view.put("mean_us", total == 0 ? 0 : sum.get() / total);
            view.put("p50_us", percentile(c, total, 0.50));
            view.put("p90_us", percentile(c, total, 0.90));
            view.put("p99_us", percentile(c, total, 0.99));
            view.put("max_us", max.get());
            return view;
        }

        private long percentile(long[] c, long total, double p) {
            if (total == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(total * p);
            long seen = 0;
            for (int i = 0; i < c.length; i++) {
                seen += c[i];
                if (seen >= rank) {
                    return i == c.length - 1 ? max.get() : Math.min(BOUNDS_MICROS[i], max.get());
                }
            }
            return max.get();
        }
    }
}
