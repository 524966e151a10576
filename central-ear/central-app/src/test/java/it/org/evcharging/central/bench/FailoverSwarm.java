package it.org.evcharging.central.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/**
 * The fail-over benchmark's Monitors, in their own JVM: N CPs that know Centrals "a,b" and N that
 * know "b,a" ({@link HeartbeatSwarm}, each a {@link SimulatedMonitor} failing over as cp-agent's
 * Monitor does). They join (at most {@link HeartbeatSwarm#JOINING_AT_ONCE} at a time), register and
 * heartbeat; the rest follows the orchestrator's commands on stdin, while the Monitors run on
 * meanwhile. Reports are "@KEY k=v ..." lines on stdout (times as epoch ms, the clock all processes
 * of the machine share).
 *
 * <ul>
 *   <li>{@code MEASURE <seconds> <label>}: heartbeat round trips for that long, then {@code @MEASURED};</li>
 *   <li>{@code MARK}: links lost, refused connections and refusals are counted from now on, then
 *       {@code @MARKED} (sent just before a kill);</li>
 *   <li>{@code AWAIT_MOVED <seconds>}: once every "b,a" CP is registered on another Central than its
 *       first, {@code @MOVED} with when the last of them registered there;</li>
 *   <li>{@code STOP} (or stdin closed): {@code @RESULT} and exit.</li>
 * </ul>
 *
 * <p>Args: addressA addressB countPerCentral heartbeatSeconds
 */
public final class FailoverSwarm {

    private final HeartbeatSwarm swarm;
    private final List<SimulatedMonitor> firstOnA;
    private final List<SimulatedMonitor> firstOnB;
    private final BlockingQueue<String> commands = new LinkedBlockingQueue<>();
    private long lostOnAAtMark;
    private long lostOnBAtMark;
    private long connectFailuresAtMark;
    private long connectTimeoutsAtMark;
    private long refusalsAtMark;
    private long markMillis;

    private FailoverSwarm(InetSocketAddress a, InetSocketAddress b, int perCentral, int heartbeatSeconds) throws IOException {
        swarm = new HeartbeatSwarm();
        long periodMs = heartbeatSeconds * 1000L;
        for (int i = 0; i < perCentral; i++) {
            swarm.add(String.format("fo_a_%05d", i), List.of(a, b), periodMs);
            swarm.add(String.format("fo_b_%05d", i), List.of(b, a), periodMs);
        }
        firstOnA = swarm.monitors().stream().filter(m -> m.cpId.startsWith("fo_a_")).toList();
        firstOnB = swarm.monitors().stream().filter(m -> m.cpId.startsWith("fo_b_")).toList();
    }

    public static void main(String[] args) throws Exception {
        FailoverSwarm run = new FailoverSwarm(address(args[0]), address(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]));
        run.readCommands();
        run.run();
        System.exit(0);
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    private static void say(String line) {
        System.out.println("@" + line);
        System.out.flush();
    }

    private void readCommands() {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    commands.add(line.trim());
                }
            } catch (IOException ignored) {
                // the orchestrator is gone
            }
            commands.add("STOP");
        }, "commands");
        reader.setDaemon(true);
        reader.start();
    }

    private void run() throws IOException {
        long startedMs = System.currentTimeMillis();
        say("STARTED ms=" + startedMs + " cps=" + swarm.monitors().size());
        long start = System.nanoTime();
        swarm.startAll(HeartbeatSwarm.JOINING_AT_ONCE);
        boolean all = swarm.runUntil(() -> swarm.count(SimulatedMonitor::isRegistered) == swarm.monitors().size(),
                start + 900_000_000_000L);
        say("REGISTERED all=" + all + " registered=" + swarm.count(SimulatedMonitor::isRegistered) + " register_ms="
                + (System.nanoTime() - start) / 1_000_000 + " links_lost=" + swarm.linksLost()
                + " refusals=" + swarm.refusals() + " connect_failures=" + swarm.connectFailures()
                + " connect_timeouts=" + swarm.connectTimeouts());
        while (true) {
            String[] command = nextCommand().split(" ");
            switch (command[0]) {
                case "MEASURE" -> measure(Integer.parseInt(command[1]), command[2]);
                case "MARK" -> {
                    lostOnAAtMark = linksLost(firstOnA);
                    lostOnBAtMark = linksLost(firstOnB);
                    connectFailuresAtMark = swarm.connectFailures();
                    connectTimeoutsAtMark = swarm.connectTimeouts();
                    refusalsAtMark = swarm.refusals();
                    markMillis = System.currentTimeMillis();
                    say("MARKED");
                }
                case "AWAIT_MOVED" -> awaitMoved(Integer.parseInt(command[1]));
                case "STOP" -> {
                    say("RESULT registrations=" + swarm.registrations() + " links_lost=" + swarm.linksLost()
                            + " connect_failures=" + swarm.connectFailures() + " connect_timeouts="
                            + swarm.connectTimeouts() + " refusals=" + swarm.refusals());
                    swarm.close();
                    return;
                }
                default -> say("UNKNOWN command=" + command[0]);
            }
        }
    }

    /** The next command; the Monitors run on while there is none. */
    private String nextCommand() throws IOException {
        String command;
        while ((command = commands.poll()) == null) {
            swarm.runUntil(() -> !commands.isEmpty(), System.nanoTime() + 100_000_000L);
        }
        return command;
    }

    private void measure(int seconds, String label) throws IOException {
        swarm.startRecording();
        swarm.runUntil(() -> false, System.nanoTime() + seconds * 1_000_000_000L);
        HeartbeatSwarm.Window w = swarm.stopRecording(2_000);
        say(String.format("MEASURED label=%s hb_sent=%d hb_replies=%d hb_p50_us=%d hb_p99_us=%d seconds=%.1f"
                + " registered=%d", label, w.sent(), w.replies(), w.p50Micros(), w.p99Micros(), w.seconds(),
                swarm.count(SimulatedMonitor::isRegistered)));
    }

    private void awaitMoved(int seconds) throws IOException {
        boolean moved = swarm.runUntil(() -> firstOnB.stream().allMatch(SimulatedMonitor::isRegisteredAway),
                System.nanoTime() + seconds * 1_000_000_000L);
        // Only what happened since the mark (the kill): a Monitor that moved during the start-up storm is not the fail-over.
        Predicate<SimulatedMonitor> away = m -> m.isRegisteredAway() && m.registeredAtMillis() >= markMillis;
        say("MOVED all=" + moved + " moved=" + firstOnB.stream().filter(away).count()
                + " first_ms=" + firstOnB.stream().filter(away).mapToLong(SimulatedMonitor::registeredAtMillis).min().orElse(0)
                + " last_ms=" + firstOnB.stream().filter(away).mapToLong(SimulatedMonitor::registeredAtMillis).max().orElse(0)
                + " first_lost_ms=" + firstOnB.stream().mapToLong(SimulatedMonitor::lostAtMillis).filter(t -> t >= markMillis).min().orElse(0)
                + " last_lost_ms=" + firstOnB.stream().mapToLong(SimulatedMonitor::lostAtMillis).max().orElse(0)
                + " lost_b=" + (linksLost(firstOnB) - lostOnBAtMark) + " lost_a=" + (linksLost(firstOnA) - lostOnAAtMark)
                + " connect_failures=" + (swarm.connectFailures() - connectFailuresAtMark)
                + " connect_timeouts=" + (swarm.connectTimeouts() - connectTimeoutsAtMark)
                + " refusals=" + (swarm.refusals() - refusalsAtMark));
    }

    private static long linksLost(List<SimulatedMonitor> monitors) {
        return monitors.stream().mapToLong(SimulatedMonitor::linksLost).sum();
    }
}
