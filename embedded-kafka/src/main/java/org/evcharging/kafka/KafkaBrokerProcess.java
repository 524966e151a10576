package org.evcharging.kafka;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The broker in a child JVM, for tests that must stop, kill and restart Kafka under a running
 * system. The child runs {@link KafkaBrokerMain} from this JVM's class path with the same
 * {@code java}; its output goes to {@code broker.log} in the data directory.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    public static final String LOG_FILE_NAME = "broker.log";

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final int partitions;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final Path javaExecutable;
    private final String classPath;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final int nodeId;
    private final QuorumVoters voters;
    private Process process;
    private Thread watcherThread;
    private Thread killOnExit;

    private KafkaBrokerProcess(Builder builder) {
        // Fixed once, so that every restart comes back on the same addresses.
        this.port = builder.port == 0 ? Ports.pickFree() : builder.port;
        this.nodeId = builder.nodeId;
        this.voters = builder.voters;
        this.controllerPort = voters != null ? voters.voter(nodeId).port()
                : builder.controllerPort == 0 ? Ports.pickFree() : builder.controllerPort;
        this.dataDir = Objects.requireNonNull(builder.dataDir, "dataDir is required").toAbsolutePath();
        this.partitions = builder.partitions;
        this.startTimeout = builder.startTimeout;
        this.stopTimeout = builder.stopTimeout;
        this.javaExecutable = builder.javaExecutable;
        this.classPath = builder.classPath;
        this.jvmOptions = builder.jvmOptions;
        this.environment = builder.environment;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the child and returns once it printed its ready line.
     *
     * @throws BrokerStartException with the child's own error line if it fails or is too slow
     */
    public synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException("Kafka broker process already running on " + bootstrapServers());
        }
        if (process != null) {
            finish(); // it died on its own
        }
        ChildOutputWatcher watcher = launch();
        try {
            watcher.readyAddress().get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            String exit = exitDescription();
            kill();
            throw new BrokerStartException("Kafka broker process " + exit + ": " + watcher.lastWords()
                    + " (log: " + logFile() + ")");
        } catch (TimeoutException e) {
            kill();
            throw new BrokerStartException("Kafka broker process was not ready within " + startTimeout
                    + "; last output: " + watcher.lastWords() + " (log: " + logFile() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new BrokerStartException("Interrupted while waiting for the Kafka broker process", e);
        }
    }

    /** Asks the broker to shut down (SIGTERM) and waits; forces it if it takes too long. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        // Through the handle: Process.destroy() would also close the pipe, losing the child's last words.
        process.toHandle().destroy();
        if (!awaitExit(stopTimeout)) {
            process.toHandle().destroyForcibly();
            awaitExit(stopTimeout);
        }
        finish();
    }

    /** Kills the broker at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.toHandle().destroyForcibly();
        awaitExit(stopTimeout);
        finish();
    }

    /** Stops the broker if it runs, then starts it again on the same ports and data directory. */
    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int nodeId() {
        return nodeId;
    }

    /** Where the child's output goes, across all its starts. */
    public Path logFile() {
        return dataDir.resolve(LOG_FILE_NAME);
    }

    @Override
    public void close() {
        stop();
    }

    private ChildOutputWatcher launch() {
        Writer log = openLog();
        try {
            ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            ChildOutputWatcher.closeQuietly(log);
            throw new BrokerStartException("Cannot launch the Kafka broker process: " + e.getMessage(), e);
        }
        ChildOutputWatcher watcher = new ChildOutputWatcher(process.getInputStream(), log);
        watcherThread = new Thread(watcher, "kafka-broker-process-output-" + port);
        watcherThread.setDaemon(true);
        watcherThread.start();
        // An orphaned broker would outlive a test run that ends without stopping it.
        killOnExit = new Thread(process::destroyForcibly, "kafka-broker-process-reaper-" + port);
        Runtime.getRuntime().addShutdownHook(killOnExit);
        return watcher;
    }

    private Writer openLog() {
        String header = "---- " + Instant.now() + " starting the broker with: "
                // The class path is long and says nothing useful in a log.
                + String.join(" ", command()).replace(classPath, "<class path>");
        try {
            return ChildOutputWatcher.openLog(logFile(), header);
        } catch (IOException e) {
            throw new BrokerStartException("Cannot write the broker log " + logFile() + ": " + e.getMessage(), e);
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(KafkaBrokerMain.class.getName());
        command.addAll(List.of(
                "--port", Integer.toString(port),
                "--controller-port", Integer.toString(controllerPort),
                "--data-dir", dataDir.toString(),
                "--partitions", Integer.toString(partitions),
                "--advertise", "localhost",
                "--start-timeout", Long.toString(Math.max(1, startTimeout.toSeconds()))));
        if (voters != null) {
            command.addAll(List.of("--node-id", Integer.toString(nodeId), "--controller-quorum-voters", voters.toString()));
        }
        return command;
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String exitDescription() {
        return awaitExit(Duration.ofSeconds(5)) ? "exited with code " + process.exitValue() : "stopped talking";
    }

    // Waits for the log to be complete and forgets the dead child.
    private void finish() {
        try {
            watcherThread.join(stopTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; the child is gone either way.
        }
        process = null;
    }

    /** Settings of the child broker; only the data directory is required. */
    public static final class Builder {
        private int port;
        private int controllerPort;
        private Path dataDir;
        private int partitions = EvChargingTopics.DEFAULT_PARTITIONS;
        private Duration startTimeout = Duration.ofSeconds(60);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
        private String classPath = System.getProperty("java.class.path");
        private List<String> jvmOptions = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        private Map<String, String> environment = Map.of();
        private int nodeId = CombinedModeConfig.NODE_ID;
        private QuorumVoters voters;

        private Builder() {
        }

        /** One node of a cluster: its id and the cluster's controllers (its controller port is its entry's). */
        public Builder clusterNode(int nodeId, QuorumVoters voters) {
            voters.voter(nodeId);
            this.nodeId = nodeId;
            this.voters = voters;
            return this;
        }

        /** Client port, kept across restarts; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = Ports.requireValid(port, "Client");
            return this;
        }

        /** Controller port, kept across restarts; 0 (the default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = Ports.requireValid(controllerPort, "Controller");
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder partitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout);
            return this;
        }

        /** How long a SIGTERM may take before the child is killed. */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = Objects.requireNonNull(stopTimeout);
            return this;
        }

        /** Class path holding this module and Kafka; defaults to this JVM's. */
        public Builder classPath(String classPath) {
            this.classPath = Objects.requireNonNull(classPath);
            return this;
        }

        /** Options of the child JVM; the defaults favour a quick start and a small footprint. */
        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = List.copyOf(jvmOptions);
            return this;
        }

        public Builder javaExecutable(Path javaExecutable) {
            this.javaExecutable = Objects.requireNonNull(javaExecutable);
            return this;
        }

        /** Extra environment of the child, e.g. KAFKA_SSL_KEYSTORE and KAFKA_SASL_USERS for a SASL_SSL listener. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        public KafkaBrokerProcess build() {
            return new KafkaBrokerProcess(this);
        }
    }
}
