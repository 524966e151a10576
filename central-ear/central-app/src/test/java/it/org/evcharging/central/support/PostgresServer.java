package it.org.evcharging.central.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for one test run: {@code initdb} into a temporary directory,
 * {@code pg_ctl start} on a free port with its socket in that directory, and everything removed by
 * {@link #close()}. PostgreSQL refuses to run as root, so when the tests run as root (CI) the server's
 * commands run as {@code nobody} through {@code runuser}, in a directory that user owns.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "evcharging";
    public static final String PASSWORD = "it-pg-secret";
    public static final String DATABASE = "postgres";
    private static final String UNPRIVILEGED_USER = "nobody";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asRoot;

    private PostgresServer(Path bin, Path dir, int port, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** Whether the server binaries are on this machine (.ci/run installs Debian's postgresql when missing). */
    public static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(entry.isEmpty() ? "." : entry));
        }
        candidates.add(Path.of("/usr/local/bin"));
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin")));
        } catch (IOException e) {
            // no Debian layout
        }
        // Both from one installation: pg_ctl of one version cannot drive another's initdb.
        return candidates.stream()
                .filter(d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl")))
                .findFirst();
    }

    /** Makes and starts a new cluster whose superuser {@link #USER} logs in over TCP with {@link #PASSWORD}. */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL's initdb/pg_ctl not found on PATH, /usr/local/bin or /usr/lib/postgresql/*/bin:"
                        + " apt-get install postgresql"));
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        // In /tmp, not under the work tree: nobody may not be allowed to walk the checkout's directories.
        Path dir = Files.createTempDirectory("evcharging-pg-");
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        if (asRoot) {
            UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED_USER);
            Files.setOwner(dir, nobody);
            Files.setOwner(passwordFile, nobody);
        }
        PostgresServer server = new PostgresServer(bin, dir, freePort(), asRoot);
        try {
            server.run("initdb", "-D", server.dataDir().toString(), "-U", USER, "--pwfile=" + passwordFile,
                    "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C");
            server.run("pg_ctl", "-D", server.dataDir().toString(), "-l", dir.resolve("server.log").toString(), "-w",
                    "-t", "60", "-o", "-p " + server.port + " -k " + dir + " -c listen_addresses=localhost", "start");
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** Runs an SQL statement with psql over the server's socket; returns its unaligned output. */
    public String psql(String sql) throws IOException, InterruptedException {
        return run("psql", "-h", dir.toString(), "-p", Integer.toString(port), "-U", USER, "-d", DATABASE,
                "-At", "-v", "ON_ERROR_STOP=1", "-c", sql);
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    private String run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        }
        Path executable = bin.resolve(tool);
        command.add(Files.isExecutable(executable) ? executable.toString() : tool);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes());
        }
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output.strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the server at once (fast mode) and deletes its files. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(dataDir().resolve("postmaster.pid"))) {
                run("pg_ctl", "-D", dataDir().toString(), "-m", "fast", "-w", "stop");
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
