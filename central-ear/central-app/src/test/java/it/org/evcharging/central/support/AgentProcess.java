package it.org.evcharging.central.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real CP agent process ({@code java -jar cp-agent.jar engine|monitor ...}) that a test can stop,
 * kill -9, freeze (SIGSTOP) and thaw, with its output in a log file to wait on.
 */
public final class AgentProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private Process process;

    private AgentProcess(List<String> command, Path log) {
        this.command = command;
        this.log = log;
    }

    public static Path jar() {
        String path = System.getProperty("it.agent.jar");
        if (path == null || !Files.exists(Path.of(path))) {
            throw new IllegalStateException("cp-agent jar not found at " + path + ": build cp-agent first (./mvnw verify builds it)");
        }
        return Path.of(path);
    }

    /** An Engine on {@code port} with its data in {@code dataDir}, metering every {@code tickMs}. */
    public static AgentProcess engine(String broker, int port, Path dataDir, long tickMs, int maxDurationSeconds) {
        return new AgentProcess(List.of(java(), "-jar", jar().toString(), "engine", broker, "--debug_port",
                Integer.toString(port), "--data-dir", dataDir.toString(), "--tick-ms", Long.toString(tickMs),
                "--max-duration", Integer.toString(maxDurationSeconds)), dataDir.resolveSibling(dataDir.getFileName() + ".log"));
    }

    /** A Monitor of {@code cpId} for the Engine on {@code enginePort}, heartbeating every {@code heartbeatSeconds}. */
    public static AgentProcess monitor(int enginePort, int centralPort, String cpId, int heartbeatSeconds, Path dataDir) {
        return monitor(enginePort, "localhost:" + centralPort, cpId, heartbeatSeconds, dataDir);
    }

    /** The same for a Monitor given {@code centrals}: "host:port[,host:port...]" in order of preference. */
    public static AgentProcess monitor(int enginePort, String centrals, String cpId, int heartbeatSeconds, Path dataDir) {
        return new AgentProcess(List.of(java(), "-jar", jar().toString(), "monitor", "localhost:" + enginePort,
                centrals, cpId, "--location", TEST_LOCATION, "--price", Double.toString(TEST_PRICE),
                "--heartbeat-interval", Integer.toString(heartbeatSeconds), "--reconnect-max", "1",
                "--data-dir", dataDir.toString()), dataDir.resolveSibling(dataDir.getFileName() + ".log"));
    }

    /** The location and price the test Monitors announce, and the registry sets for them. */
    public static final String TEST_LOCATION = "Test bay";
    public static final double TEST_PRICE = 0.25;

    /**
     * A Monitor presenting {@code credential} (from the registry), read from a file of its own next to
     * {@code dataDir}, readable by its owner only, as the launcher keeps it.
     */
    public static AgentProcess monitor(int enginePort, int centralPort, String cpId, int heartbeatSeconds, Path dataDir,
                                       String credential) throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + ".credential");
        Files.createDirectories(file.getParent());
        Files.writeString(file, credential + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        AgentProcess monitor = monitor(enginePort, centralPort, cpId, heartbeatSeconds, dataDir);
        List<String> command = new ArrayList<>(monitor.command);
        command.addAll(List.of("--credential-file", file.toString()));
        return new AgentProcess(List.copyOf(command), monitor.log);
    }

    /** A terminal driver running a service file unattended. */
    public static AgentProcess driverServices(String broker, String driverId, Path servicesFile, double pauseSeconds) {
        return new AgentProcess(List.of(java(), "-jar", jar().toString(), "driver", broker, driverId, "--services",
                servicesFile.toString(), "--pause-seconds", Double.toString(pauseSeconds)),
                servicesFile.resolveSibling(driverId + ".log"));
    }

    /** Waits for the process to end by itself; returns its exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Process did not end within " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public AgentProcess start() throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        process = builder.start();
        return this;
    }

    /** Waits until the log has a line matching {@code regex}; returns the first such match. */
    public Matcher awaitLine(String regex, Duration timeout) throws IOException, InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Optional<Matcher> match = Files.readAllLines(log).stream().map(pattern::matcher).filter(Matcher::find).findFirst();
                if (match.isPresent()) {
                    return match.get();
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("No line matching '" + regex + "' in " + log + " within " + timeout);
    }

    /** kill -9. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait: an orderly stop. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** SIGSTOP: the process stays, its sockets stay open, it says nothing. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            thawQuietly();
            stop();
        }
    }

    private void thawQuietly() {
        try {
            thaw();
        } catch (IOException | InterruptedException e) {
            // it was not frozen, or is gone
        }
    }

    /** Every process of a test, closed together. */
    public static final class Group implements AutoCloseable {
        private final List<AgentProcess> processes = new ArrayList<>();

        public AgentProcess add(AgentProcess process) throws IOException {
            processes.add(process.start());
            return process;
        }

        @Override
        public void close() throws InterruptedException {
            for (AgentProcess process : processes) {
                process.close();
            }
        }
    }
}
