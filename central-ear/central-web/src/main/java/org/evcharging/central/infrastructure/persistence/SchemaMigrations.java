package org.evcharging.central.infrastructure.persistence;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings Central's database to the schema this build expects, on SQLite or PostgreSQL, before
 * anything else touches it: after the database directory exists (priority 10), before the first
 * admin account is created (FirstAdmin, 30) and the CPs and sessions are loaded (CentralSchedule, 50). The change sets are
 * {@value #CHANGELOG} and the files it includes; Liquibase's lock table keeps two Centrals that
 * start together on one PostgreSQL from migrating twice.
 */
@ApplicationScoped
public class SchemaMigrations {

    static final String CHANGELOG = "db/changelog/central.xml";

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "jdbc/central")
    DataSource dataSource;

    public static final int PRIORITY = 20;

    void migrate(@Observes @Priority(PRIORITY) Startup event) {
        // On a thread of its own, outside the start-up's unit of work: the container keeps a connection
        // taken on the start-up thread until the whole start-up ends, and SQLite's pool has only one,
        // which JPA needs next. (A managed executor would not run the task before the start-up ends.)
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread migration = new Thread(() -> {
            try {
                migrate(dataSource);
            } catch (SQLException | LiquibaseException | RuntimeException e) {
                failure.set(e);
            }
        }, "central-schema-migrations");
        migration.setContextClassLoader(SchemaMigrations.class.getClassLoader());
        migration.start();
        try {
            migration.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while migrating Central's database schema", e);
        }
        if (failure.get() != null) {
            // Central must not run on a schema it does not know: the deployment fails, with the reason.
            throw new IllegalStateException("Central's database schema could not be migrated: "
                    + failure.get().getMessage(), failure.get());
        }
    }

    static void migrate(DataSource dataSource) throws SQLException, LiquibaseException {
        ClassLoader loader = SchemaMigrations.class.getClassLoader();
        // No usage report leaves this machine, and Liquibase finds its plugins in this application.
        Map<String, Object> scope = Map.of(
                Scope.Attr.classLoader.name(), loader,
                "liquibase.analytics.enabled", false,
                "liquibase.showBanner", false);
        try {
            Scope.child(scope, () -> {
                try (Connection connection = dataSource.getConnection()) {
                    boolean autoCommit = connection.getAutoCommit();
                    boolean done = false;
                    try {
                        Database database = DatabaseFactory.getInstance()
                                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                        Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(loader), database);
                        liquibase.update(new Contexts(), new LabelExpression());
                        LOG.info(() -> "Central database schema up to date (" + database.getShortName() + ")");
                        done = true;
                    } finally {
                        // Liquibase leaves its last transaction open; the pool refuses a connection returned so.
                        if (!connection.getAutoCommit()) {
                            if (done) {
                                connection.commit();
                            } else {
                                connection.rollback();
                            }
                            connection.setAutoCommit(autoCommit);
                        }
                    }
                }
            });
        } catch (SQLException | LiquibaseException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
        }
    }
}
