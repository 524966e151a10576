package org.evcharging.agent.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The design's services file: one CP id per line; blank lines and {@code #} comments are skipped. */
final class ServicesFile {

    private ServicesFile() {
    }

    static List<String> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static List<String> parse(List<String> lines) {
        return lines.stream()
                .map(ServicesFile::withoutComment)
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
