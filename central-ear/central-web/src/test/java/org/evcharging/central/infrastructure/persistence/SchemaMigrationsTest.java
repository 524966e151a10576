package org.evcharging.central.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The migrations on real SQLite files: a new one, and one made by the build before migrations existed. */
class SchemaMigrationsTest {

    /** Exactly what EclipseLink's DDL generation created before migrations (sqlite3 .schema of such a file). */
    private static final String[] SCHEMA_BEFORE_MIGRATIONS = {
        "CREATE TABLE charging_points (cp_id VARCHAR(64) NOT NULL, charging NUMBER(1) NOT NULL, engine_fault NUMBER(1) NOT NULL,"
                + " first_seen_ms NUMBER(19) NOT NULL, last_seen_ms NUMBER(19), location VARCHAR NOT NULL,"
                + " operator_stopped NUMBER(1) NOT NULL, price_per_kwh NUMBER(10,4) NOT NULL, registered_at_ms NUMBER(19),"
                + " registration VARCHAR(16) NOT NULL, state VARCHAR(16) NOT NULL, version NUMBER(19), PRIMARY KEY (cp_id))",
        "CREATE TABLE charging_sessions (session_id VARCHAR(64) NOT NULL, cp_id VARCHAR(64) NOT NULL, driver_id VARCHAR(128) NOT NULL,"
                + " ended_at_ms NUMBER(19), ended_by VARCHAR(32), energy_kwh NUMBER(12,3) NOT NULL, price_per_kwh NUMBER(10,4) NOT NULL,"
                + " request_message_id VARCHAR(128), requested_at_ms NUMBER(19) NOT NULL, started_at_ms NUMBER(19),"
                + " state VARCHAR(16) NOT NULL, total_cost NUMBER(12,2) NOT NULL, version NUMBER(19), PRIMARY KEY (session_id))",
    };

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseGetsEveryTableAndIndex() throws Exception {
        SQLiteDataSource db = sqlite("new.db");

        SchemaMigrations.migrate(db);

        assertThat(names(db, "table")).contains("charging_points", "charging_sessions", "DATABASECHANGELOG");
        assertThat(names(db, "index")).contains("ix_sessions_cp_state", "ix_sessions_driver", "ix_sessions_request");
        insertCpAndSession(db);
    }

    @Test
    void aDatabaseOfTheBuildBeforeMigrationsUpgradesInPlaceKeepingItsData() throws Exception {
        SQLiteDataSource db = sqlite("existing.db");
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            for (String ddl : SCHEMA_BEFORE_MIGRATIONS) {
                sql.execute(ddl);
            }
        }
        insertCpAndSession(db);

        SchemaMigrations.migrate(db);

        assertThat(rows(db, "SELECT cp_id || ' ' || location || ' ' || state FROM charging_points"))
                .containsExactly("cp_001 Parking A ACTIVE");
        assertThat(rows(db, "SELECT session_id || ' ' || energy_kwh FROM charging_sessions"))
                .containsExactly("s-1 1.5");
        assertThat(rows(db, "SELECT id || ' ' || exectype FROM DATABASECHANGELOG ORDER BY orderexecuted"))
                .containsExactly("001-charging-points MARK_RAN", "001-charging-sessions MARK_RAN", "002-session-indexes EXECUTED");
        assertThat(names(db, "index")).contains("ix_sessions_cp_state");
    }

    @Test
    void runningAgainChangesNothing() throws Exception {
        SQLiteDataSource db = sqlite("twice.db");
        SchemaMigrations.migrate(db);
        insertCpAndSession(db);

        SchemaMigrations.migrate(db);

        assertThat(rows(db, "SELECT COUNT(*) FROM DATABASECHANGELOG")).containsExactly("3");
        assertThat(rows(db, "SELECT COUNT(*) FROM charging_points")).containsExactly("1");
    }

    private SQLiteDataSource sqlite(String file) {
        SQLiteDataSource db = new SQLiteDataSource();
        db.setUrl("jdbc:sqlite:" + dir.resolve(file));
        return db;
    }

    private static void insertCpAndSession(SQLiteDataSource db) throws SQLException {
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO charging_points (cp_id, charging, engine_fault, first_seen_ms, location,"
                    + " operator_stopped, price_per_kwh, registration, state, version)"
                    + " VALUES ('cp_001', 0, 0, 1, 'Parking A', 0, 0.3, 'REGISTERED', 'ACTIVE', 1)");
            sql.executeUpdate("INSERT INTO charging_sessions (session_id, cp_id, driver_id, energy_kwh, price_per_kwh,"
                    + " requested_at_ms, state, total_cost, version)"
                    + " VALUES ('s-1', 'cp_001', 'driver_001', 1.5, 0.3, 1, 'FINISHED', 0.45, 1)");
        }
    }

    private static List<String> names(SQLiteDataSource db, String type) throws SQLException {
        return rows(db, "SELECT name FROM sqlite_master WHERE type = '" + type + "'");
    }

    private static List<String> rows(SQLiteDataSource db, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
