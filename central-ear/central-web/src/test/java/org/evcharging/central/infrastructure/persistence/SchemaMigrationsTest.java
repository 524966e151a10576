package org.evcharging.central.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /**
     * What the int build's DDL generation (create-or-extend-tables, no SQLite platform) left in a file
     * beside the tables above: the security work's tables, the TABLE id generator's table and row,
     * and the columns it added to charging_points.
     */
    private static final String[] SCHEMA_ADDED_BY_SECURITY_BUILD = {
        "CREATE TABLE operator_accounts (username VARCHAR(64) NOT NULL, created_at_ms NUMBER(19) NOT NULL,"
                + " enabled NUMBER(1) NOT NULL, password_hash VARCHAR(512) NOT NULL, role VARCHAR(16) NOT NULL,"
                + " version NUMBER(19), PRIMARY KEY (username))",
        "CREATE TABLE audit_log (id NUMBER(19) NOT NULL, action VARCHAR(64) NOT NULL, actor VARCHAR(128) NOT NULL,"
                + " at_ms NUMBER(19) NOT NULL, detail VARCHAR(1024), outcome VARCHAR(16) NOT NULL, parameters VARCHAR(1024),"
                + " source_ip VARCHAR(64), PRIMARY KEY (id))",
        "CREATE TABLE driver_accounts (driver_id VARCHAR(64) NOT NULL, created_at_ms NUMBER(19) NOT NULL,"
                + " password_hash VARCHAR(512) NOT NULL, PRIMARY KEY (driver_id))",
        "CREATE TABLE id_sequences (name VARCHAR(50) NOT NULL, next_value NUMBER(38), PRIMARY KEY (name))",
        "INSERT INTO id_sequences (name, next_value) VALUES ('audit_log', 0)",
        "ALTER TABLE charging_points ADD credential_hash VARCHAR(512)",
        "ALTER TABLE charging_points ADD legacy NUMBER(1)",
        "ALTER TABLE charging_points ADD operator_details NUMBER(1)",
    };

    private static final List<String> SECURITY_CHANGE_SETS = List.of("003-operator-accounts", "003-audit-log",
            "003-audit-log-time-index", "003-id-sequences", "003-id-sequences-audit-log", "003-driver-accounts",
            "003-cp-credential-hash", "003-cp-legacy", "003-cp-operator-details");
    /** Columns no build before migrations had: every existing database gets them executed. */
    private static final List<String> PAYLOAD_KEY_CHANGE_SETS = List.of("004-cp-payload-key-id", "004-cp-payload-key");
    /** Change sets after the security build's: new on every database, so executed everywhere. */
    private static final List<String> LATER_CHANGE_SETS = List.of("005-cp-leases", "005-session-request-unique");

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseGetsEveryTableAndIndex() throws Exception {
        SQLiteDataSource db = sqlite("new.db");

        SchemaMigrations.migrate(db);

        assertThat(names(db, "table")).contains("charging_points", "charging_sessions", "cp_leases", "DATABASECHANGELOG");
        assertThat(names(db, "index")).contains("ix_sessions_cp_state", "ix_sessions_driver", "ix_sessions_request",
                "ux_sessions_request");
        insertCpAndSession(db);
    }

    @Test
    void aNewDatabaseGetsTheSecurityTablesColumnsAndTheAuditIdRow() throws Exception {
        SQLiteDataSource db = sqlite("new-security.db");

        SchemaMigrations.migrate(db);

        assertThat(names(db, "table")).contains("operator_accounts", "audit_log", "id_sequences", "driver_accounts");
        assertThat(names(db, "index")).contains("ix_audit_at");
        assertThat(columns(db, "charging_points")).contains("credential_hash", "legacy", "operator_details",
                "payload_key_id", "payload_key");
        assertThat(columns(db, "operator_accounts"))
                .containsExactly("username", "password_hash", "role", "enabled", "created_at_ms", "version");
        assertThat(columns(db, "audit_log"))
                .containsExactly("id", "at_ms", "actor", "source_ip", "action", "parameters", "outcome", "detail");
        assertThat(columns(db, "driver_accounts")).containsExactly("driver_id", "password_hash", "created_at_ms");
        assertThat(rows(db, "SELECT name || ' ' || next_value FROM id_sequences")).containsExactly("audit_log 0");
        insertSecurityRows(db);
    }

    @Test
    void aDatabaseOfTheSecurityBuildBeforeMigrationsKeepsItsAccountsAuditLogAndIdCounter() throws Exception {
        SQLiteDataSource db = sqlite("security.db");
        execute(db, SCHEMA_BEFORE_MIGRATIONS);
        execute(db, SCHEMA_ADDED_BY_SECURITY_BUILD);
        insertCpAndSession(db);
        insertSecurityRows(db);
        execute(db, "UPDATE id_sequences SET next_value = 100 WHERE name = 'audit_log'");

        SchemaMigrations.migrate(db);

        List<String> expected = new ArrayList<>(List.of("001-charging-points MARK_RAN", "001-charging-sessions MARK_RAN",
                "002-session-indexes EXECUTED"));
        SECURITY_CHANGE_SETS.forEach(id -> expected.add(id + (id.equals("003-audit-log-time-index") ? " EXECUTED" : " MARK_RAN")));
        PAYLOAD_KEY_CHANGE_SETS.forEach(id -> expected.add(id + " EXECUTED"));
        LATER_CHANGE_SETS.forEach(id -> expected.add(id + " EXECUTED"));
        assertThat(rows(db, "SELECT id || ' ' || exectype FROM DATABASECHANGELOG ORDER BY orderexecuted"))
                .containsExactlyElementsOf(expected);
        assertThat(rows(db, "SELECT cp_id || ' ' || credential_hash || ' ' || legacy || ' ' || operator_details"
                + " FROM charging_points")).containsExactly("cp_001 hash-1 0 1");
        assertThat(rows(db, "SELECT username || ' ' || role FROM operator_accounts")).containsExactly("admin ADMIN");
        assertThat(rows(db, "SELECT driver_id FROM driver_accounts")).containsExactly("driver_001");
        assertThat(rows(db, "SELECT id || ' ' || action FROM audit_log")).containsExactly("1 SIGN_IN");
        assertThat(rows(db, "SELECT next_value FROM id_sequences WHERE name = 'audit_log'")).containsExactly("100");
        assertThat(names(db, "index")).contains("ix_audit_at");
    }

    @Test
    void aDatabaseOfTheBuildBeforeMigrationsUpgradesInPlaceKeepingItsData() throws Exception {
        SQLiteDataSource db = sqlite("existing.db");
        execute(db, SCHEMA_BEFORE_MIGRATIONS);
        insertCpAndSession(db);

        SchemaMigrations.migrate(db);

        assertThat(rows(db, "SELECT cp_id || ' ' || location || ' ' || state FROM charging_points"))
                .containsExactly("cp_001 Parking A ACTIVE");
        assertThat(rows(db, "SELECT session_id || ' ' || energy_kwh FROM charging_sessions"))
                .containsExactly("s-1 1.5");
        assertThat(rows(db, "SELECT id || ' ' || exectype FROM DATABASECHANGELOG ORDER BY orderexecuted"))
                .containsExactlyElementsOf(withSecurityExecuted("001-charging-points MARK_RAN",
                        "001-charging-sessions MARK_RAN", "002-session-indexes EXECUTED"));
        assertThat(names(db, "index")).contains("ix_sessions_cp_state", "ix_audit_at");
        assertThat(rows(db, "SELECT cp_id || ' ' || COALESCE(credential_hash, '-') || ' ' || COALESCE(legacy, '-')"
                + " FROM charging_points")).containsExactly("cp_001 - -");
        insertSecurityRows(db);
    }

    @Test
    void runningAgainChangesNothing() throws Exception {
        SQLiteDataSource db = sqlite("twice.db");
        SchemaMigrations.migrate(db);
        insertCpAndSession(db);

        SchemaMigrations.migrate(db);

        assertThat(rows(db, "SELECT COUNT(*) FROM DATABASECHANGELOG")).containsExactly(Integer.toString(3 + SECURITY_CHANGE_SETS.size()
                + PAYLOAD_KEY_CHANGE_SETS.size() + LATER_CHANGE_SETS.size()));
        assertThat(rows(db, "SELECT COUNT(*) FROM id_sequences")).containsExactly("1");
        assertThat(rows(db, "SELECT COUNT(*) FROM charging_points")).containsExactly("1");
    }

    @Test
    void severalSessionsForOneRequestStopTheUpgradeWithTheReason() throws Exception {
        SQLiteDataSource db = sqlite("duplicates.db");
        execute(db, SCHEMA_BEFORE_MIGRATIONS);
        for (String id : List.of("s-1", "s-2")) {
            execute(db, "INSERT INTO charging_sessions (session_id, cp_id, driver_id, energy_kwh, price_per_kwh,"
                    + " requested_at_ms, state, total_cost, version, request_message_id)"
                    + " VALUES ('" + id + "', 'cp_001', 'driver_001', 1.5, 0.3, 1, 'FINISHED', 0.45, 1, 'req-1')");
        }

        assertThatThrownBy(() -> SchemaMigrations.migrate(db)).hasStackTraceContaining("several sessions for one request_message_id");
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

    private static void execute(SQLiteDataSource db, String... statements) throws SQLException {
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static List<String> withSecurityExecuted(String... before) {
        List<String> all = new ArrayList<>(List.of(before));
        SECURITY_CHANGE_SETS.forEach(id -> all.add(id + " EXECUTED"));
        PAYLOAD_KEY_CHANGE_SETS.forEach(id -> all.add(id + " EXECUTED"));
        LATER_CHANGE_SETS.forEach(id -> all.add(id + " EXECUTED"));
        return all;
    }

    /** An operator, a driver, an audit line and a CP's credential, as the security build writes them. */
    private static void insertSecurityRows(SQLiteDataSource db) throws SQLException {
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO operator_accounts (username, password_hash, role, enabled, created_at_ms, version)"
                    + " VALUES ('admin', 'pbkdf2$x', 'ADMIN', 1, 1, 1)");
            sql.executeUpdate("INSERT INTO driver_accounts (driver_id, password_hash, created_at_ms)"
                    + " VALUES ('driver_001', 'pbkdf2$y', 1)");
            sql.executeUpdate("INSERT INTO audit_log (id, at_ms, actor, source_ip, action, parameters, outcome, detail)"
                    + " VALUES (1, 1, 'admin', '127.0.0.1', 'SIGN_IN', NULL, 'SUCCEEDED', NULL)");
            sql.executeUpdate("UPDATE charging_points SET credential_hash = 'hash-1', legacy = 0, operator_details = 1"
                    + " WHERE cp_id = 'cp_001'");
        }
    }

    private static List<String> columns(SQLiteDataSource db, String table) throws SQLException {
        return rows(db, "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid");
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
