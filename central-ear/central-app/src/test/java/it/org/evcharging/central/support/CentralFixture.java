package it.org.evcharging.central.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.evcharging.kafka.KafkaBrokerProcess;

/**
 * A real Kafka broker process and a real Central (Liberty) process on the reserved ports, with
 * their data in a fresh directory. Tests stop, kill and restart either through it.
 */
public final class CentralFixture implements AutoCloseable {

    /** Generous: a cold Liberty start on a busy 2-core machine has taken 2 min before it answered. */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    /** Not the defaults, so the tests also show the credentials come from configuration. */
    public static final String OPERATOR_USER = "it-operator";
    public static final String OPERATOR_PASSWORD = "it-secret";
    /** Failed sign-ins of one account before the shared Central refuses it for a while. */
    public static final int SIGN_IN_FAILURES_ALLOWED = 8;
    /** How long such an account is refused: short, so a test sees it end. */
    public static final Duration SIGN_IN_LOCKOUT = Duration.ofSeconds(4);
    /** The driver portal's service credential towards Central's driver accounts. */
    public static final String DRIVER_PORTAL_SECRET = "it-portal-credential";

    private final Path workDir;
    private final KafkaBrokerProcess kafka;
    private final LibertyServerProcess central;
    private Duration brokerStartTime;
    private Duration centralStartTime;

    private CentralFixture(Path workDir, Map<String, String> extraEnv, Map<String, String> brokerEnv) {
        this.workDir = workDir;
        this.kafka = KafkaBrokerProcess.builder()
                .port(ItSettings.kafkaPort())
                .dataDir(workDir.resolve("kafka"))
                .startTimeout(Duration.ofSeconds(60))
                .environment(brokerEnv)
                .build();
        Map<String, String> env = centralEnv(kafka.bootstrapServers(), workDir);
        env.putAll(extraEnv);
        this.central = new LibertyServerProcess(ItSettings.libertyInstall(), "central",
                workDir.resolve("central"), ItSettings.httpPort(), env);
    }

    /** Central's environment on the reserved ports (HTTPS and the Monitor TLS port included), with its SQLite file under {@code workDir}. */
    public static Map<String, String> centralEnv(String bootstrapServers, Path workDir) {
        Map<String, String> env = new HashMap<>();
        env.put("HTTPS_PORT", Integer.toString(ItSettings.httpsPort()));
        env.put("LISTEN_PORT", Integer.toString(ItSettings.acceptorPort()));
        env.put("BROKER_ADDRESS", bootstrapServers);
        env.put("DB_PATH", databasePathIn(workDir).toString());
        env.put("ADMIN_USER", OPERATOR_USER);
        env.put("ADMIN_PASSWORD", OPERATOR_PASSWORD);
        // Every IT signs in from this machine: the per-source limit would lock them all out together.
        env.put("SIGNIN_MAX_FAILURES_PER_SOURCE", "1000");
        env.put("SIGNIN_MAX_FAILURES_PER_ACCOUNT", Integer.toString(SIGN_IN_FAILURES_ALLOWED));
        env.put("SIGNIN_LOCKOUT_SECONDS", Long.toString(SIGN_IN_LOCKOUT.toSeconds()));
        env.put("DRIVER_PORTAL_SECRET", DRIVER_PORTAL_SECRET);
        // HTTPS and the Monitor TLS port with the run's development CA; plain HTTP and the plain port stay on.
        env.put("TLS_KEYSTORE", DevTls.authority().serverKeyStore().toString());
        env.put("TLS_KEYSTORE_PASSWORD", DevTls.PASSWORD);
        env.put("MONITOR_TLS_PORT", Integer.toString(ItSettings.tlsAcceptorPort()));
        return env;
    }

    /** Starts the broker, then Central, and waits until Central is ready. */
    public static CentralFixture start(Class<?> testClass, Map<String, String> extraEnv) throws IOException, InterruptedException {
        return start(testClass.getSimpleName(), extraEnv);
    }

    /** As {@link #start(Class, Map)}, for a system named {@code name} (its work directory is named after it). */
    public static CentralFixture start(String name, Map<String, String> extraEnv) throws IOException, InterruptedException {
        return start(name, extraEnv, Map.of());
    }

    /** As {@link #start(String, Map)}, with {@code brokerEnv} for the broker process (e.g. its SASL_SSL listener). */
    public static CentralFixture start(String name, Map<String, String> extraEnv, Map<String, String> brokerEnv)
            throws IOException, InterruptedException {
        CentralFixture fixture = new CentralFixture(ItSettings.workDir(name), extraEnv, brokerEnv);
        long begin = System.nanoTime();
        fixture.kafka.start();
        fixture.brokerStartTime = Duration.ofNanos(System.nanoTime() - begin);
        fixture.centralStartTime = fixture.central.startAndAwaitReady(START_TIMEOUT);
        System.out.printf("[timing] %s: broker process ready in %d ms, Central ready in %d ms%n",
                name, fixture.brokerStartTime.toMillis(), fixture.centralStartTime.toMillis());
        return fixture;
    }

    public static Path databasePathIn(Path workDir) {
        return workDir.resolve("data").resolve("central.db");
    }

    public Path databasePath() {
        return databasePathIn(workDir);
    }

    public KafkaBrokerProcess kafka() {
        return kafka;
    }

    public LibertyServerProcess central() {
        return central;
    }

    public Path workDir() {
        return workDir;
    }

    public int acceptorPort() {
        return ItSettings.acceptorPort();
    }

    public int tlsAcceptorPort() {
        return ItSettings.tlsAcceptorPort();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            central.stop(Duration.ofSeconds(30));
        } finally {
            kafka.close();
        }
    }
}
