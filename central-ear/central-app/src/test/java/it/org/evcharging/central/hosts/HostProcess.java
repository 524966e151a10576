package it.org.evcharging.central.hosts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process on one host: {@code ip netns exec <ns> <command>}. {@code ip netns exec} execs the
 * command, so {@link #pid()} is the command's own pid (the JVM), which {@link #kill9()} kills.
 * Every output line is kept with the time it was read (for timings) and written, time-stamped, to
 * the log file; standard input stays open for menus.
 */
public final class HostProcess implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** An output line and when it was read ({@link System#nanoTime()}). */
    public record Line(long nanos, String text) {
    }

    private final String name;
    private final String namespace;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private Process process;
    private Writer stdin;
    private Thread reader;

    public HostProcess(String name, String namespace, List<String> command, Map<String, String> env, Path log) {
        this.name = name;
        this.namespace = namespace;
        this.command = List.copyOf(command);
        this.env = new HashMap<>(env);
        this.log = log;
    }

    public synchronized HostProcess start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running as pid " + process.pid());
        }
        Files.createDirectories(log.getParent());
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().putAll(env);
        process = builder.start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Process current = process;
        appendLog("---- started pid " + current.pid() + " in " + namespace + ": " + String.join(" ", full));
        reader = new Thread(() -> pump(current), "out-" + name);
        reader.setDaemon(true);
        reader.start();
        return this;
    }

    private void pump(Process from) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(from.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(new Line(System.nanoTime(), line));
                appendLog(line);
            }
        } catch (IOException e) {
            appendLog("---- output closed: " + e.getMessage());
        }
    }

    private synchronized void appendLog(String text) {
        try {
            Files.writeString(log, LocalTime.now().format(TIME) + " " + text + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The log is for people; the lines are kept in memory for the test.
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** How many lines were read so far: a mark for {@link #awaitLine(String, int, Duration)}. */
    public int mark() {
        return lines.size();
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public void send(String... inputLines) throws IOException {
        for (String line : inputLines) {
            stdin.write(line + "\n");
        }
        stdin.flush();
        appendLog("---- typed: " + String.join(" | ", inputLines));
    }

    /** The first line from {@code from} on that matches, if any. */
    public Optional<Matcher> find(String regex, int from) {
        Pattern pattern = Pattern.compile(regex);
        List<Line> all = lines();
        for (int i = Math.max(0, from); i < all.size(); i++) {
            Matcher matcher = pattern.matcher(all.get(i).text());
            if (matcher.find()) {
                return Optional.of(matcher);
            }
        }
        return Optional.empty();
    }

    /** Waits for a line matching {@code regex} at index {@code from} or later; returns it. */
    public Line awaitLine(String regex, int from, Duration timeout) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = Math.max(0, from);
        while (true) {
            List<Line> all = lines();
            for (; next < all.size(); next++) {
                if (pattern.matcher(all.get(next).text()).find()) {
                    return all.get(next);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + ": no line matching '" + regex + "' within " + timeout + "; see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** The groups of the first line matching {@code regex} (from {@code from} on), waiting for it. */
    public Matcher awaitMatch(String regex, int from, Duration timeout) throws InterruptedException {
        Line line = awaitLine(regex, from, timeout);
        Matcher matcher = Pattern.compile(regex).matcher(line.text());
        if (!matcher.find()) {
            throw new IllegalStateException("unreachable");
        }
        return matcher;
    }

    /** kill -9 of the process (and of any child it has), by pid. */
    public void kill9() throws InterruptedException {
        if (!isAlive()) {
            return;
        }
        appendLog("---- kill -9 " + process.pid());
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " (pid " + process.pid() + ") still alive 20 s after kill -9");
        }
        reader.join(2_000);
    }

    /** SIGTERM by pid, then kill -9 if it has not ended within {@code timeout}. */
    public void stop(Duration timeout) throws InterruptedException {
        if (!isAlive()) {
            return;
        }
        appendLog("---- SIGTERM " + process.pid());
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill9();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        reader.join(2_000);
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not end within " + timeout + "; see " + log);
        }
        reader.join(5_000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(20));
    }
}
