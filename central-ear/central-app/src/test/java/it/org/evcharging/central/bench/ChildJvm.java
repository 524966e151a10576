package it.org.evcharging.central.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A load generator in its own JVM (the test's class path): commands go to its stdin, one a line;
 * its stdout lines are queued, and "@KEY k=v ..." lines are its reports. Every line is echoed to the
 * test's output prefixed with the child's name, except those starting with the quiet prefix.
 */
final class ChildJvm {

    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Writer stdin;

    private ChildJvm(String name, Process process, String quietPrefix) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                    if (quietPrefix == null || !line.startsWith(quietPrefix)) {
                        System.out.println("[" + name + "] " + line);
                    }
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }, "child-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(String name, Class<?> main, String... args) throws IOException {
        return start(name, null, main, args);
    }

    /** As {@link #start(String, Class, String...)}, not echoing lines that start with {@code quietPrefix}. */
    static ChildJvm start(String name, String quietPrefix, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC",
                // Kafka clients log every partition reset at INFO: thousands of lines per run.
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(Arrays.asList(args));
        return new ChildJvm(name, new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start(),
                quietPrefix);
    }

    /** The next line starting with {@code prefix}, skipping others; fails after {@code seconds} or when the child died. */
    String awaitPlain(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive()) {
                break;
            }
        }
        throw new IllegalStateException("no '" + prefix + "' line within " + seconds + " s");
    }

    /** The values of the next "@KEY k=v ..." report. */
    Map<String, String> await(String key, int seconds) throws InterruptedException {
        String line = awaitPlain("@" + key, seconds);
        Map<String, String> values = new HashMap<>();
        for (String part : line.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                values.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return values;
    }

    void send(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
