package org.evcharging.kafka;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real Kafka broker in this JVM: one KRaft node acting as controller and broker, with the
 * system's topics created. Restarting on the same data directory keeps records and cluster id.
 * Given {@link BrokerSettings#voters() voters}, it is one node of a cluster: the nodes started
 * with the same voters find each other, and its start returns once enough of them are up to
 * create the topics with their replicas.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().dataDir(dir).build()) {
 *     kafka.start(Duration.ofSeconds(30));
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    static {
        BrokerLogging.quietByDefault();
    }

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LATE_STARTUP_GRACE = Duration.ofMinutes(2);

    private final BrokerSettings settings;
    private final BrokerSecurity security;
    private final KraftStorage storage;
    private KafkaRaftServer server;
    private Future<Void> stopping;
    private volatile boolean running;
    private volatile String clusterId;

    private EmbeddedKafkaBroker(BrokerSettings settings, BrokerSecurity security) {
        this.settings = settings;
        this.security = security;
        this.storage = new KraftStorage(settings.dataDir().resolve("kraft-combined-logs"));
    }

    public static BrokerSettings.Builder builder() {
        return new BrokerSettings.Builder();
    }

    static EmbeddedKafkaBroker of(BrokerSettings settings) {
        return new EmbeddedKafkaBroker(settings, null);
    }

    static EmbeddedKafkaBroker of(BrokerSettings settings, BrokerSecurity security) {
        return new EmbeddedKafkaBroker(settings, security);
    }

    /**
     * Formats the storage if it is new, starts the broker and creates the topics.
     *
     * @throws PortInUseException if the client or controller port is taken
     * @throws BrokerStartException if anything else fails or it all takes longer than {@code timeout}
     */
    public synchronized void start(Duration timeout) {
        if (server != null) {
            throw new IllegalStateException("Broker on " + bootstrapServers() + " was already started");
        }
        Deadline deadline = Deadline.after(timeout);
        Ports.requireFree(settings.bindHost(), settings.port(), "Kafka client listener");
        Ports.requireFree(settings.controllerPort(), "Kafka controller listener");
        clusterId = settings.clustered()
                ? storage.formatIfNeeded(settings.nodeId(), CombinedModeConfig.CONTROLLER_LISTENER,
                        settings.voters().derivedClusterId())
                : storage.formatIfNeeded(settings.nodeId(), CombinedModeConfig.CONTROLLER_LISTENER);
        Properties properties = CombinedModeConfig.of(settings, storage.logDir(), security);
        server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        FutureTask<Void> lateStartup = null;
        try {
            lateStartup = deadline.runUntil("embedded-kafka-start", server::startup);
            if (lateStartup != null) {
                throw failure("did not start within " + timeout, null);
            }
            awaitClientsServed(deadline);
            new EvChargingTopics(settings.partitions(), settings.voters().replicationFactor())
                    .ensureCreated(localAddress(), ownClientSecurity(), deadline.remaining());
            if (security != null) {
                ScramUsers.register(localAddress(), ownClientSecurity(), security.users(), deadline.remaining());
            }
            running = true;
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            stopAfter(lateStartup);
            throw causedByBindFailure(cause)
                    // Someone took the port between our check and Kafka's bind.
                    ? new PortInUseException("Kafka client listener", settings.port(), cause)
                    : cause instanceof BrokerStartException ? (BrokerStartException) cause
                    : failure("failed to start: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAfter(lateStartup);
            throw failure("start was interrupted", e);
        }
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}: the advertised host. */
    public String bootstrapServers() {
        return HostNames.hostPort(settings.advertisedHost(), settings.port());
    }

    // The advertised host may be a name only other machines resolve; this JVM is on the broker's
    // host, where the listener's own address always answers.
    private String localAddress() {
        return settings.localBootstrap();
    }

    /** What this broker's own clients need on its listener: nothing, or its SASL_SSL sign-in. */
    private Map<String, Object> ownClientSecurity() {
        return security == null ? Map.of() : security.clientProperties();
    }

    /** The client listener's TLS/SASL settings; empty for PLAINTEXT. */
    public Optional<BrokerSecurity> security() {
        return Optional.ofNullable(security);
    }

    /** The settings the broker runs with (free ports already chosen). */
    public BrokerSettings settings() {
        return settings;
    }

    public int port() {
        return settings.port();
    }

    public int controllerPort() {
        return settings.controllerPort();
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    /** The cluster id stored in the data directory; the same after every restart on it. */
    public String clusterId() {
        return clusterId;
    }

    public boolean isRunning() {
        return running;
    }

    /** Stops the broker, waiting at most 30 s; data stays in the data directory for the next start. */
    @Override
    public synchronized void close() {
        running = false;
        if (stopping == null && server != null) {
            stopAfter(null);
        }
        if (stopping != null) {
            try {
                stopping.get(SHUTDOWN_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka broker on port " + settings.port() + " did not stop cleanly", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitClientsServed(Deadline deadline) throws ExecutionException, InterruptedException {
        Properties config = new Properties();
        config.putAll(ownClientSecurity());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, localAddress());
        // Bounds the admin's own retries too, so that closing it never outlasts the deadline.
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, deadline.remainingMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, deadline.remainingMillis());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw failure("did not answer clients in time", e);
        }
    }

    // Shutting Kafka down while its startup still runs can hang or halt the JVM, so a late startup
    // is left to finish in the background first.
    private void stopAfter(FutureTask<Void> lateStartup) {
        KafkaRaftServer toStop = server;
        stopping = Deadline.inDaemonThread("embedded-kafka-stop", () -> {
            if (lateStartup != null) {
                awaitQuietly(lateStartup, LATE_STARTUP_GRACE);
            }
            toStop.shutdown();
            toStop.awaitShutdown();
        });
        if (lateStartup == null) {
            awaitQuietly(stopping, SHUTDOWN_TIMEOUT);
        }
    }

    private static void awaitQuietly(Future<Void> task, Duration timeout) {
        try {
            task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Whoever needs the outcome (close) asks again; here it only bounds the wait.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private BrokerStartException failure(String what, Throwable cause) {
        return new BrokerStartException("Kafka broker on port " + settings.port() + " " + what, cause);
    }

    private static boolean causedByBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
