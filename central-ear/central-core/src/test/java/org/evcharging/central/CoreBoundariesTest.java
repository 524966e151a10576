package org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The core depends on no infrastructure: HTTP, Kafka, sockets and Central's own adapters reach it
 * through interfaces it owns. A forbidden import here is a rule leaking into (or out of) an adapter.
 */
class CoreBoundariesTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import (static )?(jakarta\\.ws\\.|org\\.apache\\.kafka\\.|java\\.nio\\.channels\\.|org\\.eclipse\\.microprofile\\."
                    + "|org\\.evcharging\\.central\\.infrastructure\\.|org\\.evcharging\\.central\\.interfaces\\.)");

    @Test
    void noCoreSourceImportsInfrastructure() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> violations = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(CoreBoundariesTest::forbiddenImports).toList();
            assertThat(violations).isEmpty();
        }
    }

    @Test
    void theRuleRecognisesAForbiddenImport() {
        assertThat(FORBIDDEN.matcher("import org.apache.kafka.clients.producer.KafkaProducer;").find()).isTrue();
        assertThat(FORBIDDEN.matcher("import jakarta.ws.rs.core.Response;").find()).isTrue();
        assertThat(FORBIDDEN.matcher("import jakarta.persistence.Entity;").find()).isFalse();
    }

    private static Stream<String> forbiddenImports(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> FORBIDDEN.matcher(line).find())
                    .map(line -> file.getFileName() + ": " + line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
