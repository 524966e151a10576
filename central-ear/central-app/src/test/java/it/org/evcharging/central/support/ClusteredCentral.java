package it.org.evcharging.central.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One of several Centrals on one PostgreSQL database and one Kafka cluster (CLUSTER_ENABLED), each on
 * free ports of its own. Each runs from its own copy of the assembled server's user directory
 * (WLP_USER_DIR): Liberty expands the application under the server's directory, which two running
 * copies must not share.
 */
public final class ClusteredCentral implements AutoCloseable {

    private final String name;
    private final LibertyServerProcess server;
    private final int monitorPort;

    private ClusteredCentral(String name, LibertyServerProcess server, int monitorPort) {
        this.name = name;
        this.server = server;
        this.monitorPort = monitorPort;
    }

    /** A Central named {@code name} (CENTRAL_NAME), not started yet; {@code extraEnv} overrides the defaults. */
    public static ClusteredCentral of(String name, Path workDir, String bootstrapServers, PostgresServer postgres,
                                      Map<String, String> extraEnv) throws IOException {
        Path dir = workDir.resolve(name);
        Path userDir = dir.resolve("usr");
        copyServer(ItSettings.libertyInstall().resolve("usr"), userDir);
        int httpPort = AgentProcess.freePort();
        int monitorPort = AgentProcess.freePort();
        Map<String, String> env = CentralFixture.centralEnv(bootstrapServers, dir);
        env.remove("DB_PATH");
        env.put("DB_KIND", "postgresql");
        env.put("DB_URL", postgres.jdbcUrl());
        env.put("DB_USER", PostgresServer.USER);
        env.put("DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("CLUSTER_ENABLED", "true");
        env.put("CENTRAL_NAME", name);
        env.put("HTTPS_PORT", Integer.toString(AgentProcess.freePort()));
        env.put("LISTEN_PORT", Integer.toString(monitorPort));
        env.put("MONITOR_TLS_PORT", "-1");
        env.put("WLP_USER_DIR", userDir.toString());
        env.putAll(extraEnv);
        return new ClusteredCentral(name, new LibertyServerProcess(ItSettings.libertyInstall(), "central", dir, httpPort, env),
                monitorPort);
    }

    /** The server as assembled by the build, without what a run leaves behind (expanded apps, logs, workarea). */
    private static void copyServer(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path relative = from.relativize(source);
                if (relative.toString().matches("servers/[^/]+/(apps/expanded|logs|workarea)(/.*)?")) {
                    return;
                }
                try {
                    Path target = to.resolve(relative.toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    public Duration startAndAwaitReady() throws IOException, InterruptedException {
        Duration took = server.startAndAwaitReady(CentralFixture.START_TIMEOUT);
        System.out.printf("[timing] Central %s ready in %d ms%n", name, took.toMillis());
        return took;
    }

    public String name() {
        return name;
    }

    /** "localhost:port" of its Monitor gateway. */
    public String monitorAddress() {
        return "localhost:" + monitorPort;
    }

    public AdminApi admin() {
        return new AdminApi(server.baseUri(), null);
    }

    public LibertyServerProcess server() {
        return server;
    }

    /** kill -9, as a crash would. */
    public void kill() throws InterruptedException {
        server.kill();
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(Duration.ofSeconds(30));
    }
}
