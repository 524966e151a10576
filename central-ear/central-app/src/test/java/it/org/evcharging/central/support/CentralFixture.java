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

    private final Path workDir;
    private final KafkaBrokerProcess kafka;
    private final LibertyServerProcess central;
    private Duration brokerStartTime;
    private Duration centralStartTime;

    private CentralFixture(Path workDir, Map<String, String> extraEnv) {
        this.workDir = workDir;
        this.kafka = KafkaBrokerProcess.builder()
                .port(ItSettings.kafkaPort())
                .dataDir(workDir.resolve("kafka"))
                .startTimeout(Duration.ofSeconds(60))
                .build();
        Map<String, String> env = centralEnv(kafka.bootstrapServers(), workDir);
        env.putAll(extraEnv);
        this.central = new LibertyServerProcess(ItSettings.libertyInstall(), "central",
                workDir.resolve("central"), ItSettings.httpPort(), env);
    }

    /** Central's environment on the reserved ports, with its SQLite file under {@code workDir}. */
    public static Map<String, String> centralEnv(String bootstrapServers, Path workDir) {
        Map<String, String> env = new HashMap<>();
        env.put("HTTPS_PORT", Integer.toString(ItSettings.httpsPort()));
        env.put("LISTEN_PORT", Integer.toString(ItSettings.acceptorPort()));
        env.put("BROKER_ADDRESS", bootstrapServers);
        env.put("DB_PATH", databasePathIn(workDir).toString());
        env.put("ADMIN_USER", OPERATOR_USER);
        env.put("ADMIN_PASSWORD", OPERATOR_PASSWORD);
        return env;
    }

    /** Starts the broker, then Central, and waits until Central is ready. */
    public static CentralFixture start(Class<?> testClass, Map<String, String> extraEnv) throws IOException, InterruptedException {
        return start(testClass.getSimpleName(), extraEnv);
    }

    /** As {@link #start(Class, Map)}, for a system named {@code name} (its work directory is named after it). */
    public static CentralFixture start(String name, Map<String, String> extraEnv) throws IOException, InterruptedException {
        CentralFixture fixture = new CentralFixture(ItSettings.workDir(name), extraEnv);
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

    @Override
    public void close() throws InterruptedException {
        try {
            central.stop(Duration.ofSeconds(30));
        } finally {
            kafka.close();
        }
    }
}
