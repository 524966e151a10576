package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.AgentProcess;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.ItSettings;
import it.org.evcharging.central.support.KafkaDriver;
import it.org.evcharging.central.support.LibertyServerProcess;
import it.org.evcharging.central.support.PostgresServer;
import it.org.evcharging.central.support.SharedCentral;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.evcharging.api.Topics;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.session.ChargeCompletion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Central on a real PostgreSQL (a throw-away cluster made by initdb), chosen by configuration only:
 * its migrations make the schema in the empty database, real agents register and charge, the
 * ticket is in PostgreSQL, and a restarted Central finds it all again. It reuses the run's broker and
 * ports: the shared (SQLite) Central is stopped meanwhile and restarted by the next class.
 */
@ExtendWith(SharedCentral.class)
@Order(Order.DEFAULT + 5) // stops the shared Central: after the classes that only use it
class PostgreSqlIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static PostgresServer postgres;
    private static LibertyServerProcess central;
    private static CentralFixture shared;
    private static Path workDir;

    @BeforeAll
    static void startCentralOnPostgres() throws Exception {
        shared = SharedCentral.system();
        postgres = PostgresServer.start();
        shared.central().stop(Duration.ofSeconds(30));
        workDir = ItSettings.workDir(PostgreSqlIT.class);
        Map<String, String> env = CentralFixture.centralEnv(shared.kafka().bootstrapServers(), workDir);
        env.remove("DB_PATH");
        env.put("DB_KIND", "postgresql");
        env.put("DB_URL", postgres.jdbcUrl());
        env.put("DB_USER", PostgresServer.USER);
        env.put("DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("CP_AUTO_AUTHORIZE", "true");
        central = new LibertyServerProcess(ItSettings.libertyInstall(), "central", workDir.resolve("central"),
                ItSettings.httpPort(), env);
        Duration started = central.startAndAwaitReady(CentralFixture.START_TIMEOUT);
        System.out.printf("[timing] Central on PostgreSQL ready in %d ms%n", started.toMillis());
    }

    @AfterAll
    static void stopAll() throws Exception {
        try {
            if (central != null) {
                central.stop(Duration.ofSeconds(30));
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void chargesOnPostgreSqlAndFindsItsDataAfterARestart() throws Exception {
        AdminApi admin = new AdminApi(central.baseUri(), null);
        assertThat(postgres.psql("SELECT string_agg(id, ',' ORDER BY orderexecuted) FROM databasechangelog"))
                .as("the migrations made the schema").isEqualTo("001-charging-points,001-charging-sessions,002-session-indexes,"
                        + "003-operator-accounts,003-audit-log,003-audit-log-time-index,003-id-sequences,003-id-sequences-audit-log,"
                        + "003-driver-accounts,003-cp-credential-hash,003-cp-legacy,003-cp-operator-details,"
                        + "004-cp-payload-key-id,004-cp-payload-key,"
                        + "005-cp-leases,005-session-request-unique");
        assertThat(postgres.psql("SELECT username || ' ' || role || ' ' || enabled FROM operator_accounts"))
                .as("the first admin, created after the migrations").isEqualTo(CentralFixture.OPERATOR_USER + " ADMIN true");
        // Audit entries are stored on a pooled thread: soon, not necessarily yet.
        await().atMost(WAIT).until(() -> postgres.psql("SELECT actor || ' ' || action FROM audit_log"
                + " WHERE action = 'account.create'"), "configuration account.create"::equals);
        assertThat(admin.get("charging-points").body()).doesNotContain("cp_pg_1");

        String sessionId;
        ChargeCompletion ticket;
        try (AgentProcess.Group cps = new AgentProcess.Group();
                KafkaDriver driver = new KafkaDriver(shared.kafka().bootstrapServers(), "driver_pg_1")) {
            int enginePort = AgentProcess.freePort();
            cps.add(AgentProcess.engine(shared.kafka().bootstrapServers(), enginePort, workDir.resolve("engine"), 200, 2))
                    .awaitLine("ENGINE LISTENING ON", WAIT);
            cps.add(AgentProcess.monitor(enginePort, ItSettings.acceptorPort(), "cp_pg_1", 1, workDir.resolve("monitor")));
            await().atMost(WAIT).until(() -> admin.stateOf("cp_pg_1").equals("ACTIVE"));

            ChargeRequest request = ChargeRequest.of("cp_pg_1", driver.id());
            driver.send(Topics.DRIVER_CHARGE_REQUESTS, request);
            Response accepted = driver.await(Response.class, r -> request.messageId().equals(r.messageId()), WAIT);
            assertThat(accepted.status()).as(accepted.info()).isEqualTo("success");
            sessionId = accepted.sessionId();
            ticket = driver.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), WAIT);
            assertThat(ticket.energyConsumedKwh()).isPositive();
        }
        assertThat(postgres.psql("SELECT state || ' ' || energy_kwh FROM charging_sessions WHERE session_id = '" + sessionId + "'"))
                .as("the ticket is in PostgreSQL").isEqualTo("COMPLETED " + String.format(java.util.Locale.ROOT, "%.3f", ticket.energyConsumedKwh()));
        assertThat(postgres.psql("SELECT legacy FROM charging_points WHERE cp_id = 'cp_pg_1'"))
                .as("authorized as a newcomer: admitted by id alone").isEqualTo("t");

        central.stop(Duration.ofSeconds(30));
        central.startAndAwaitReady(CentralFixture.START_TIMEOUT);

        var session = AdminApi.json(admin.get("sessions/" + sessionId));
        assertThat(session.path("state").asText()).isEqualTo("completed");
        assertThat(session.path("energy_kwh").asDouble()).isEqualTo(ticket.energyConsumedKwh());
        var cp = AdminApi.json(admin.get("charging-points/cp_pg_1"));
        assertThat(cp.path("registration").asText()).as("still registered after the restart").isEqualTo("AUTHORIZED");
        assertThat(postgres.psql("SELECT COUNT(*) FROM databasechangelog")).as("nothing migrated twice").isEqualTo("16");
    }
}
