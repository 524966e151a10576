package org.evcharging.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Reads a {@code .env} file the way python-dotenv does for the design's files: {@code KEY=VALUE}
 * lines, {@code #} comments, an optional {@code export} prefix, optional quotes, and surrounding
 * blanks trimmed (the design's own template has a value with a trailing space).
 */
public final class DotEnv {

    private static final Logger LOG = Logger.getLogger(DotEnv.class.getName());
    public static final String FILE_NAME = ".env";

    private DotEnv() {
    }

    /** The {@code .env} of the working directory; empty when there is none. */
    public static Map<String, String> ofWorkingDirectory() {
        return read(Path.of(System.getProperty("user.dir"), FILE_NAME));
    }

    public static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warning(() -> "Cannot read " + file + ": " + e.getMessage() + "; ignoring it");
            return Map.of();
        }
    }

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                LOG.warning(() -> "Ignoring a .env line that is not KEY=VALUE: " + raw);
                continue;
            }
            values.put(line.substring(0, equals).strip(), unquote(line.substring(equals + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                return value.substring(1, value.length() - 1);
            }
        }
        int comment = value.indexOf(" #");
        return comment >= 0 ? value.substring(0, comment).strip() : value;
    }
}
