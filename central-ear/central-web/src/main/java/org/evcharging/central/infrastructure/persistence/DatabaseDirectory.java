package org.evcharging.central.infrastructure.persistence;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SQLite creates the database file but not its directory. DB_PATH is the server variable that the
 * datasource uses (Liberty exposes server variables to MicroProfile Config), so the directory is
 * made before anything touches the database.
 */
@ApplicationScoped
public class DatabaseDirectory {

    private static final Logger LOG = Logger.getLogger(DatabaseDirectory.class.getName());

    @Inject
    @ConfigProperty(name = "DB_KIND", defaultValue = "sqlite")
    String kind;

    @Inject
    @ConfigProperty(name = "DB_PATH")
    Optional<String> path;

    void create(@Observes @Priority(10) Startup event) {
        if (!"sqlite".equalsIgnoreCase(kind) || path.isEmpty()) {
            return;
        }
        Path parent = Path.of(path.get()).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            LOG.info(() -> "Central database: " + Path.of(path.get()).toAbsolutePath());
        } catch (IOException e) {
            LOG.severe(() -> "Cannot create the database directory " + parent + ": " + e);
        }
    }
}
