package it.org.evcharging.central.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Many simulated Monitors ({@link SimulatedMonitor}) on one selector thread: each connects to the
 * first of its Centrals, authenticates, registers and heartbeats, failing over and reconnecting as a
 * real Monitor does; heartbeat replies within a recording window are counted and their latencies
 * recorded. {@link #run} is the gateway benchmark's use (one address, against Central and against a
 * bare echo server in the same run); {@link FailoverSwarm} drives it step by step.
 */
final class HeartbeatSwarm implements SimulatedMonitor.Events, AutoCloseable {

    /** What one gateway run measured. */
    record Result(int connections, long setupMillis, long heartbeatsSent, long repliesReceived, long failures,
                  double seconds, long p50Micros, long p99Micros) {

        double repliesPerSecond() {
            return repliesReceived / seconds;
        }
    }

    /** The heartbeats of one recording window. */
    record Window(long sent, long replies, long p50Micros, long p99Micros, double seconds) {
    }

    /** Monitors joining at once at the start (see {@link #startAll}); well under Central's accept backlog. */
    static final int JOINING_AT_ONCE = 500;

    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
    private final List<SimulatedMonitor> monitors = new ArrayList<>();
    private InetSocketAddress target;
    private int count;
    private long[] latencies = new long[1 << 16];
    private int latencyCount;
    private long recordingSince = Long.MAX_VALUE;
    private long recordingUntil = Long.MAX_VALUE;
    private long sentInWindow;
    private long repliesInWindow;
    private long registrations;
    private long linksLost;
    private long connectFailures;
    private long connectTimeouts;
    private long firstRegistrations;
    private int started;
    private int maxJoining = Integer.MAX_VALUE;
    private long refusals;

    HeartbeatSwarm() throws IOException {
        this.selector = Selector.open();
    }

    /** The gateway benchmark's swarm: {@code count} Monitors that know one address. */
    HeartbeatSwarm(InetSocketAddress target, int count) throws IOException {
        this();
        this.target = target;
        this.count = count;
    }

    /** Adds a Monitor that knows {@code centrals} in this order and heartbeats every {@code periodMs}. */
    SimulatedMonitor add(String cpId, List<InetSocketAddress> centrals, long periodMs) {
        SimulatedMonitor monitor = new SimulatedMonitor(cpId, centrals, periodMs, selector, readBuffer, this);
        monitors.add(monitor);
        return monitor;
    }

    /** Connects every Monitor, registers it (until {@code setupTimeoutMs}), then heartbeats for {@code seconds}. */
    Result run(int seconds, long periodMs, long setupTimeoutMs) throws IOException {
        for (int i = 0; i < count; i++) {
            add(String.format("bench_cp_%05d", i), List.of(target), periodMs);
        }
        long setupStart = System.nanoTime();
        startAll(JOINING_AT_ONCE);
        runUntil(() -> count(SimulatedMonitor::isRegistered) == count, setupStart + setupTimeoutMs * 1_000_000L);
        long setupMillis = (System.nanoTime() - setupStart) / 1_000_000;
        spreadHeartbeats(periodMs * 1_000_000L);
        long failuresBefore = failures();
        startRecording();
        runUntil(() -> false, System.nanoTime() + seconds * 1_000_000_000L);
        Window window = stopRecording(2_000);
        close();
        return new Result(count, setupMillis, window.sent(), window.replies(), failures() - failuresBefore,
                window.seconds(), window.p50Micros(), window.p99Micros());
    }

    /**
     * Starts the Monitors in order, at most {@code maxJoining} at a time that have not registered yet:
     * a fleet does not boot in one millisecond, and thousands of simultaneous connects would overflow
     * the Central's accept backlog (1024) and time out before the benchmark measured anything. (After a
     * kill, nothing paces the Monitors that fail over: that storm is what is measured.)
     */
    void startAll(int maxJoining) {
        this.maxJoining = maxJoining;
        startDue(System.nanoTime());
    }

    private void startDue(long now) {
        while (started < monitors.size() && started - firstRegistrations < maxJoining) {
            monitors.get(started++).start(now);
        }
    }

    /** Runs the Monitors until {@code done} or {@code deadlineNanos}; returns whether done. */
    boolean runUntil(BooleanSupplier done, long deadlineNanos) throws IOException {
        long nextCheck = 0;
        while (System.nanoTime() < deadlineNanos) {
            long now = System.nanoTime();
            // Asking is O(Monitors): every 20 ms is precise enough.
            if (now >= nextCheck) {
                if (done.getAsBoolean()) {
                    return true;
                }
                nextCheck = now + 20_000_000L;
            }
            step();
        }
        return done.getAsBoolean();
    }

    private void step() throws IOException {
        long now = System.nanoTime();
        startDue(now);
        for (SimulatedMonitor monitor : monitors) {
            monitor.tick(now);
        }
        SwarmSelector.pump(selector, 1);
    }

    /** Each Monitor heartbeats at its own phase within the period, evenly spread. */
    void spreadHeartbeats(long periodNanos) {
        long start = System.nanoTime();
        for (int i = 0; i < monitors.size(); i++) {
            monitors.get(i).nextHeartbeatAt(start + periodNanos * i / monitors.size());
        }
    }

    /** Heartbeats sent from now on are counted and their round trips recorded, until {@link #stopRecording}. */
    void startRecording() {
        latencyCount = 0;
        sentInWindow = 0;
        repliesInWindow = 0;
        recordingUntil = Long.MAX_VALUE;
        recordingSince = System.nanoTime();
    }

    /** Ends the window; waits up to {@code drainMs} for the replies to its heartbeats (the Monitors go on meanwhile). */
    Window stopRecording(long drainMs) throws IOException {
        recordingUntil = System.nanoTime();
        double seconds = (recordingUntil - recordingSince) / 1e9;
        runUntil(() -> repliesInWindow >= sentInWindow, System.nanoTime() + drainMs * 1_000_000L);
        long[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        recordingSince = Long.MAX_VALUE;
        return new Window(sentInWindow, repliesInWindow, CpSwarm.pct(sorted, 0.50) / 1_000,
                CpSwarm.pct(sorted, 0.99) / 1_000, seconds);
    }

    long count(Predicate<SimulatedMonitor> which) {
        return monitors.stream().filter(which).count();
    }

    List<SimulatedMonitor> monitors() {
        return monitors;
    }

    long registrations() {
        return registrations;
    }

    long linksLost() {
        return linksLost;
    }

    /** Connection attempts refused or timed out. */
    long connectFailures() {
        return connectFailures;
    }

    long connectTimeouts() {
        return connectTimeouts;
    }

    long refusals() {
        return refusals;
    }

    /** Links lost and failure answers: what the gateway benchmark reports as failures. */
    long failures() {
        return linksLost + refusals;
    }

    @Override
    public void close() throws IOException {
        for (SimulatedMonitor monitor : monitors) {
            monitor.close();
        }
        selector.close();
    }

    // ---------------------------------------------------------------- what the Monitors report

    @Override
    public void registered(SimulatedMonitor monitor) {
        registrations++;
        if (monitor.registrations() == 1) {
            firstRegistrations++;
        }
    }

    @Override
    public void linkLost(SimulatedMonitor monitor) {
        linksLost++;
    }

    @Override
    public void connectFailed(SimulatedMonitor monitor, boolean timedOut) {
        connectFailures++;
        if (timedOut) {
            connectTimeouts++;
        }
    }

    @Override
    public void refused(SimulatedMonitor monitor) {
        refusals++;
    }

    @Override
    public void heartbeatSent(long atNanos) {
        if (inWindow(atNanos)) {
            sentInWindow++;
        }
    }

    @Override
    public void heartbeatAnswered(long sentNanos, long answeredNanos) {
        if (!inWindow(sentNanos)) {
            return;
        }
        repliesInWindow++;
        if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[latencyCount++] = answeredNanos - sentNanos;
    }

    private boolean inWindow(long sentNanos) {
        return sentNanos >= recordingSince && sentNanos < recordingUntil;
    }
}
