package org.evcharging.agent.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.evcharging.agent.storage.AtomicFile;
import org.evcharging.api.message.Json;

/**
 * The Engine's state file, {@code engine-state.json} in its data directory: small, human-readable
 * JSON (snake_case, like the wire), replaced atomically on every change and every tick.
 */
public final class EngineStateStore {

    private static final Logger LOG = Logger.getLogger(EngineStateStore.class.getName());
    public static final String FILE_NAME = "engine-state.json";

    private final Path file;
    private final ObjectMapper mapper = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    public EngineStateStore(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The saved state; empty when there is none, and also when it is unreadable (the file is kept aside). */
    public EngineState load() {
        if (!Files.exists(file)) {
            return EngineState.empty();
        }
        try {
            EngineState state = mapper.readValue(file.toFile(), EngineState.class);
            return state == null ? EngineState.empty() : state;
        } catch (IOException | RuntimeException e) {
            try {
                Path aside = AtomicFile.setAside(file);
                LOG.severe(() -> "Unreadable " + file + " (" + e.getMessage() + ") kept as " + aside
                        + "; starting without it");
            } catch (IOException moveFailure) {
                LOG.log(Level.SEVERE, "Unreadable " + file + " and cannot move it aside", moveFailure);
            }
            return EngineState.empty();
        }
    }

    /** Writes {@code state} atomically; a failure is logged (the Engine goes on supplying). */
    public void save(EngineState state) {
        try {
            AtomicFile.write(file, mapper.writeValueAsBytes(state));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot save the Engine's state to " + file, e);
        }
    }
}
