package org.evcharging.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.evcharging.api.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar runs on its own: manifest main class, and every runtime dependency in lib/. */
class PackagedBrokerIT {

    private static final Path JAR = Path.of(System.getProperty("packagedJar", "target/embedded-kafka.jar"));

    @TempDir
    Path workDir;

    @Test
    void helpPrintsTheUsage() throws Exception {
        Result result = runJar("--help");

        assertThat(result.exitCode).isZero();
        assertThat(result.stdout).contains("Usage:", "--port", "--data-dir", "--partitions", "--controller-port");
    }

    @Test
    void aTakenPortEndsTheProcessWithOneClearLine() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0)) {
            Result result = runJar("--port", Integer.toString(squatter.getLocalPort()),
                    "--data-dir", workDir.resolve("kafka").toString());

            assertThat(result.exitCode).isEqualTo(1);
            assertThat(result.stderr.lines()).containsExactly(
                    "Error: Port " + squatter.getLocalPort() + " (Kafka client listener) is already in use;"
                            + " stop whatever listens on it or choose another port");
        }
    }

    @Test
    void theJarAloneRunsABrokerThatStopsCleanly() throws IOException {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.builder()
                .dataDir(workDir.resolve("kafka"))
                .classPath(JAR.toString())
                .build()) {
            broker.start();
            KafkaTestClients.produce(broker.bootstrapServers(), Topics.DRIVER_RESPONSES, List.of("driver-1"), 5);

            broker.stop();

            assertThat(Files.readString(broker.logFile()))
                    .contains(KafkaBrokerMain.READY_PREFIX + broker.bootstrapServers())
                    .endsWith(KafkaBrokerMain.STOPPED_LINE + System.lineSeparator());
        }
    }

    private Result runJar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path stdout = workDir.resolve("stdout.txt");
        Path stderr = workDir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar " + String.join(" ", args) + " did not end within 30 s");
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }
}
