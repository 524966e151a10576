package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.ItSettings;
import it.org.evcharging.central.support.LibertyServerProcess;
import it.org.evcharging.central.support.SharedCentral;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A SQLite file made by the build before migrations (EclipseLink's DDL, one authorized CP and one
 * ended session in it) given to today's Central: the migrations upgrade it in place and Central shows
 * the old data. Reuses the run's broker and ports; the shared Central is stopped meanwhile.
 */
@ExtendWith(SharedCentral.class)
@Order(Order.DEFAULT + 5) // stops the shared Central: after the classes that only use it
class SchemaUpgradeIT {

    /** What that build's DDL generation made (sqlite3 .schema of one of its files). */
    private static final String[] SCHEMA_BEFORE_MIGRATIONS = {
        "CREATE TABLE charging_points (cp_id VARCHAR(64) NOT NULL, charging NUMBER(1) NOT NULL, engine_fault NUMBER(1) NOT NULL,"
                + " first_seen_ms NUMBER(19) NOT NULL, last_seen_ms NUMBER(19), location VARCHAR NOT NULL,"
                + " operator_stopped NUMBER(1) NOT NULL, price_per_kwh NUMBER(10,4) NOT NULL, registered_at_ms NUMBER(19),"
                + " registration VARCHAR(16) NOT NULL, state VARCHAR(16) NOT NULL, version NUMBER(19), PRIMARY KEY (cp_id))",
        "CREATE TABLE charging_sessions (session_id VARCHAR(64) NOT NULL, cp_id VARCHAR(64) NOT NULL, driver_id VARCHAR(128) NOT NULL,"
                + " ended_at_ms NUMBER(19), ended_by VARCHAR(32), energy_kwh NUMBER(12,3) NOT NULL, price_per_kwh NUMBER(10,4) NOT NULL,"
                + " request_message_id VARCHAR(128), requested_at_ms NUMBER(19) NOT NULL, started_at_ms NUMBER(19),"
                + " state VARCHAR(16) NOT NULL, total_cost NUMBER(12,2) NOT NULL, version NUMBER(19), PRIMARY KEY (session_id))",
        "INSERT INTO charging_points VALUES ('cp_legacy', 0, 0, 1700000000000, 1700000100000, 'Old car park', 1, 0.3100,"
                + " 1700000000500, 'AUTHORIZED', 'STOPPED', 3)",
        "INSERT INTO charging_sessions VALUES ('s-legacy', 'cp_legacy', 'driver_legacy', 1700000090000, 'driver', 2.5,"
                + " 0.3100, 'm-legacy', 1700000050000, 1700000060000, 'COMPLETED', 0.78, 4)",
    };

    @Test
    void aDatabaseOfTheBuildBeforeMigrationsIsUpgradedInPlaceAndItsDataShown() throws Exception {
        CentralFixture shared = SharedCentral.system();
        Path workDir = ItSettings.workDir(SchemaUpgradeIT.class);
        Path database = CentralFixture.databasePathIn(workDir);
        Files.createDirectories(database.getParent());
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database); Statement sql = db.createStatement()) {
            for (String statement : SCHEMA_BEFORE_MIGRATIONS) {
                sql.execute(statement);
            }
        }

        shared.central().stop(Duration.ofSeconds(30));
        LibertyServerProcess central = new LibertyServerProcess(ItSettings.libertyInstall(), "central",
                workDir.resolve("central"), ItSettings.httpPort(), CentralFixture.centralEnv(shared.kafka().bootstrapServers(), workDir));
        try {
            central.startAndAwaitReady(CentralFixture.START_TIMEOUT);
            AdminApi admin = new AdminApi(central.baseUri(), null);

            var cp = AdminApi.json(admin.get("charging-points/cp_legacy"));
            assertThat(cp.path("location").asText()).isEqualTo("Old car park");
            assertThat(cp.path("registration").asText()).isEqualTo("AUTHORIZED");
            assertThat(cp.path("state").asText()).as("operator-stopped, Monitor not connected").isEqualTo("DISCONNECTED");
            var session = AdminApi.json(admin.get("sessions/s-legacy"));
            assertThat(session.path("state").asText()).isEqualTo("completed");
            assertThat(session.path("energy_kwh").asDouble()).isEqualTo(2.5);
            assertThat(session.path("driver_id").asText()).isEqualTo("driver_legacy");
        } finally {
            central.stop(Duration.ofSeconds(30));
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database); Statement sql = db.createStatement();
                ResultSet applied = sql.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
            assertThat(applied.getInt(1)).as("every change set recorded").isEqualTo(16);
        }
    }
}
