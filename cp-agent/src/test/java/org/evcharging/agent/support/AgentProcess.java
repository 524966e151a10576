package org.evcharging.agent.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/** {@code java -jar cp-agent.jar ...} as its own process, the way scripts and users run it. */
public final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final CapturedOutput output;
    private final CapturedOutput errors;

    private AgentProcess(Process process, CapturedOutput output, CapturedOutput errors) {
        this.process = process;
        this.output = output;
        this.errors = errors;
    }

    /** Starts the jar in {@code workDir}, standard input empty (as from /dev/null). */
    public static AgentProcess start(Path jar, Path workDir, String name, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            CapturedOutput output = new CapturedOutput(name);
            CapturedOutput errors = new CapturedOutput(name + ":stderr");
            pump(process.getInputStream(), output, name + "-stdout");
            pump(process.getErrorStream(), errors, name + "-stderr");
            return new AgentProcess(process, output, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pump(InputStream from, CapturedOutput to, String threadName) {
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    to.stream().println(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, threadName);
        pump.setDaemon(true);
        pump.start();
    }

    public String awaitLine(String fragment, Duration timeout) {
        return output.awaitLine(fragment, timeout);
    }

    public CapturedOutput output() {
        return output;
    }

    public String errors() {
        return errors.text();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void killHard() {
        process.toHandle().destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /**
     * SIGTERM, as Ctrl+C or a service manager would stop it; returns the exit status. Signalled
     * through the ProcessHandle, because {@code Process.destroy()} also closes our end of the
     * child's output pipe, losing what it prints while it shuts down.
     */
    public int terminate(Duration timeout) {
        process.toHandle().destroy();
        return awaitExit(timeout);
    }

    public int awaitExit(Duration timeout) {
        Awaitility.await("process exit").atMost(timeout).until(() -> !process.isAlive());
        try {
            return process.waitFor(1, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
