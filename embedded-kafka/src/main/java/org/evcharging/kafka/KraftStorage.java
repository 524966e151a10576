package org.evcharging.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * The broker's log directory in KRaft mode. It is formatted once; later starts reuse it as it is,
 * which keeps both the records and the cluster id across restarts.
 */
final class KraftStorage {

    private static final String META_PROPERTIES = "meta.properties";

    private final Path logDir;

    KraftStorage(Path logDir) {
        this.logDir = logDir;
    }

    Path logDir() {
        return logDir;
    }

    Optional<String> clusterId() {
        Path meta = logDir.resolve(META_PROPERTIES);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
        } catch (IOException e) {
            throw new BrokerStartException("Cannot read " + meta + ": " + e.getMessage(), e);
        }
        return Optional.ofNullable(properties.getProperty("cluster.id"));
    }

    /** Formats the directory unless it already is, and returns the cluster id it holds. */
    String formatIfNeeded(int nodeId, String controllerListenerName) {
        return formatIfNeeded(nodeId, controllerListenerName, Uuid.randomUuid().toString());
    }

    /** As {@link #formatIfNeeded(int, String)} with the id every node of a cluster shares. */
    String formatIfNeeded(int nodeId, String controllerListenerName, String newClusterId) {
        Optional<String> existing = clusterId();
        if (existing.isPresent()) {
            return existing.get();
        }
        String clusterId = newClusterId;
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(formatterOutput, true, StandardCharsets.UTF_8))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setControllerListenerName(controllerListenerName)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (Exception e) {
            throw new BrokerStartException("Cannot format Kafka storage in " + logDir + ": " + e.getMessage()
                    + " " + formatterOutput.toString(StandardCharsets.UTF_8).trim(), e);
        }
        return clusterId;
    }
}
