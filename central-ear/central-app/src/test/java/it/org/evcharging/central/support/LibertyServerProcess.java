package it.org.evcharging.central.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Open Liberty server run as a child process ({@code bin/server run NAME}), configured only
 * through environment variables, so a test can stop it, kill -9 it and start it again on the same
 * ports and data. Output goes to {@code <outputDir>/console.log}.
 */
public final class LibertyServerProcess implements AutoCloseable {

    private final Path installDir;
    private final String serverName;
    private final Path outputDir;
    private final int httpPort;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    public LibertyServerProcess(Path installDir, String serverName, Path outputDir, int httpPort, Map<String, String> env) {
        this.installDir = installDir;
        this.serverName = serverName;
        this.outputDir = outputDir;
        this.httpPort = httpPort;
        this.env = new HashMap<>(env);
        this.env.put("HTTP_PORT", Integer.toString(httpPort));
    }

    /** Starts the server and returns once {@code /health/ready} answers 200, or fails after {@code timeout}. */
    public Duration startAndAwaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant begin = Instant.now();
        start();
        try {
            awaitStatus("/health/ready", 200, timeout);
        } catch (AssertionError | RuntimeException notReady) {
            // A server that never became ready must not outlive the test run that started it.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw notReady;
        }
        return Duration.between(begin, Instant.now());
    }

    public void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(serverName + " is already running");
        }
        Files.createDirectories(outputDir);
        ProcessBuilder builder = new ProcessBuilder(
                installDir.resolve("bin/server").toString(), "run", serverName);
        builder.environment().putAll(env);
        // Logs and workarea per test run, outside the assembled server, so parallel copies never collide.
        builder.environment().put("WLP_OUTPUT_DIR", outputDir.resolve("wlp-output").toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(outputDir.resolve("console.log").toFile()));
        process = builder.start();
    }

    /** Polls {@code path} until it answers {@code status}; fails with the last answer seen. */
    public HttpResponse<String> awaitStatus(String path, int status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(serverName + " exited with " + process.exitValue()
                        + "; see " + outputDir.resolve("console.log"));
            }
            try {
                HttpResponse<String> response = get(path);
                if (response.statusCode() == status) {
                    return response;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError(serverName + " " + path + " did not answer " + status + " within " + timeout + "; last: " + last);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + httpPort + "/");
    }

    /** Orderly stop (SIGTERM runs Liberty's shutdown hooks), waiting at most {@code timeout}. */
    public void stop(Duration timeout) throws InterruptedException {
        terminate(false, timeout);
    }

    /** kill -9 of the server JVM, as a crash would. */
    public void kill() throws InterruptedException {
        terminate(true, Duration.ofSeconds(20));
    }

    private void terminate(boolean force, Duration timeout) throws InterruptedException {
        if (process == null) {
            return;
        }
        // The launch script may leave the JVM as its child: signal the whole tree, JVM first.
        List<ProcessHandle> tree = process.descendants().toList();
        for (ProcessHandle handle : tree) {
            if (force) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
        }
        if (force) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle handle : tree) {
            handle.onExit().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> handle).join();
        }
        process = null;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public Path consoleLog() {
        return outputDir.resolve("console.log");
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }
}
