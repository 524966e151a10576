package it.org.evcharging.central.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What a benchmark reads of a server process from /proc: CPU time, and the maximum RSS sampled every
 * 250 ms on a daemon thread between {@link #start()} and {@link #stop()}.
 */
final class ProcessMeter {

    private final long pid;
    private volatile boolean running;
    private volatile long maxKb;

    ProcessMeter(long pid) {
        this.pid = pid;
    }

    void start() {
        running = true;
        Thread thread = new Thread(() -> {
            while (running) {
                maxKb = Math.max(maxKb, rssKb(pid));
                try {
                    TimeUnit.MILLISECONDS.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
    }

    /** The largest RSS seen since the start or the last call, in MB; sampling goes on. */
    double takeMaxMb() {
        long max = Math.max(maxKb, rssKb(pid));
        maxKb = 0;
        return max / 1024.0;
    }

    long cpuTicks() throws IOException {
        return cpuTicks(pid);
    }

    /** utime + stime of the process, in clock ticks (100 per second on Linux). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException ignored) {
            // gone
        }
        return 0;
    }

    /**
     * The Liberty JVM among this JVM's descendants (the launch script may sit in between) whose
     * environment holds {@code envEntry} (e.g. "CENTRAL_NAME=central-a"; "" for any).
     */
    static long libertyPid(String envEntry) {
        return ProcessHandle.current().descendants()
                .filter(p -> read(p.pid(), "cmdline").contains("ws-server.jar"))
                .filter(p -> envEntry.isEmpty() || ("\0" + read(p.pid(), "environ")).contains("\0" + envEntry + "\0"))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Liberty JVM with " + envEntry));
    }

    private static String read(long pid, String file) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), file)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static double[] loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }

    static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ").replace("MemTotal: ", "");
        } catch (IOException e) {
            return "?";
        }
    }
}
