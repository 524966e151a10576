package it.org.evcharging.central.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.naming.InitialContext;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.ChargingPointRepository;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.chargingpoint.Registration;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.MeterReading;
import org.evcharging.central.domain.model.session.SessionTotals;
import org.evcharging.central.domain.model.session.ChargingSessionRepository;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Central's JPA repositories inside the real Liberty, on the real SQLite file of the test server
 * (DB_PATH), through the application's own persistence unit and CDI beans: runs in the web module
 * of the packaged EAR. Each test uses its own ids; each step commits, so reads see the database.
 * No broker needed (and no test-JVM extension: the class is loaded inside the server too).
 */
@ArquillianTest
class RepositoriesArquillianIT {

    @Inject
    ChargingPointRepository points;

    @Inject
    ChargingSessionRepository sessions;

    @Deployment
    static EnterpriseArchive deployment() {
        return CentralEar.inContainer(RepositoriesArquillianIT.class);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs {@code work} in a transaction of its own and commits it. */
    private static <T> T inTransaction(Callable<T> work) throws Exception {
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        try {
            T result = work.call();
            tx.commit();
            return result;
        } catch (Exception | Error e) {
            tx.rollback();
            throw e;
        }
    }

    @Test
    void aChargingPointIsAddedFoundAndListedByRegistration() throws Exception {
        CpId id = CpId.of(unique("cp_arq_"));
        inTransaction(() -> {
            points.add(ChargingPoint.firstSeen(id, false, System.currentTimeMillis()));
            return null;
        });

        ChargingPoint found = inTransaction(() -> points.find(id)).orElseThrow();
        assertEquals(id, found.id());
        assertEquals(Registration.PENDING, found.registration());
        assertEquals(ChargingPointState.DISCONNECTED, found.state());
        assertTrue(inTransaction(() -> points.findByRegistration(Registration.PENDING)).stream()
                .anyMatch(cp -> cp.id().equals(id)));
        assertFalse(inTransaction(() -> points.find(CpId.of(unique("cp_arq_none_")))).isPresent());
    }

    @Test
    void theCpsLoadedAtStartKeepTheirDetailsAndTakeLaterChanges() throws Exception {
        CpId id = CpId.of(unique("cp_arq_"));
        inTransaction(() -> {
            ChargingPoint cp = ChargingPoint.firstSeen(id, true, System.currentTimeMillis());
            cp.register("Arquillian bay", new BigDecimal("0.25"), System.currentTimeMillis());
            points.add(cp);
            return null;
        });
        assertEquals(ChargingPointState.ACTIVE, inTransaction(() -> points.get(id)).state());

        ChargingPoint loaded = inTransaction(() -> points.loadAllAtStart()).stream()
                .filter(cp -> cp.id().equals(id)).findFirst().orElseThrow();
        assertEquals(Registration.AUTHORIZED, loaded.registration());
        assertEquals(0, loaded.pricePerKwh().compareTo(new BigDecimal("0.25")));

        // The optimistic lock's version is in place: a later change commits.
        inTransaction(() -> {
            points.get(id).stopByOperator();
            return null;
        });
        assertEquals(ChargingPointState.STOPPED, inTransaction(() -> points.get(id)).state());
    }

    @Test
    void aCredentialHashTheLegacyFlagAndTheOperatorsDetailsAreKeptAndARemovedCpIsGone() throws Exception {
        CpId id = CpId.of(unique("cp_arq_reg_"));
        inTransaction(() -> {
            ChargingPoint cp = ChargingPoint.registeredByOperator(id, "Registry bay", new BigDecimal("0.31"), System.currentTimeMillis());
            cp.credentialIssued("PBKDF2WithHmacSHA256:1:c2FsdA==:aGFzaA==");
            points.add(cp);
            return null;
        });

        ChargingPoint found = inTransaction(() -> points.get(id));
        assertEquals("PBKDF2WithHmacSHA256:1:c2FsdA==:aGFzaA==", found.credentialHash());
        assertTrue(found.hasOperatorDetails());
        assertFalse(found.isLegacy());
        inTransaction(() -> {
            points.get(id).legacy(true);
            return null;
        });
        assertTrue(inTransaction(() -> points.get(id)).isLegacy());

        inTransaction(() -> {
            points.remove(points.get(id));
            return null;
        });
        assertFalse(inTransaction(() -> points.find(id)).isPresent());
    }

    @Test
    void aSessionIsFoundByIdAndByItsRequestAndIsUnfinishedUntilItEnds() throws Exception {
        CpId cpId = CpId.of(unique("cp_arq_"));
        String sessionId = UUID.randomUUID().toString();
        String request = unique("request-");
        inTransaction(() -> {
            ChargingPoint cp = ChargingPoint.firstSeen(cpId, true, System.currentTimeMillis());
            points.add(cp);
            sessions.add(ChargingSession.authorized(sessionId, cpId.value(), "driver_arq", new BigDecimal("0.25"),
                    request, System.currentTimeMillis()));
            return null;
        });

        ChargingSession found = inTransaction(() -> sessions.find(sessionId)).orElseThrow();
        assertEquals(cpId.value(), found.cpId());
        assertEquals("driver_arq", found.driverId());
        assertTrue(found.isRunning());
        Optional<ChargingSession> byRequest = inTransaction(() -> sessions.findByRequest(request));
        assertEquals(sessionId, byRequest.orElseThrow().id());
        assertFalse(inTransaction(() -> sessions.findByRequest(unique("request-none-"))).isPresent());
        assertEquals(List.of(sessionId), ids(inTransaction(() -> sessions.findByRequests(List.of(request, unique("request-none-"))))));
        assertTrue(inTransaction(() -> sessions.findByRequests(List.of())).isEmpty());
        assertTrue(ids(inTransaction(() -> sessions.findUnfinished())).contains(sessionId));
        assertEquals(sessionId, inTransaction(() -> sessions.findUnfinishedOn(cpId.value())).orElseThrow().id());

        inTransaction(() -> {
            ChargingSession session = sessions.find(sessionId).orElseThrow();
            session.meter(MeterReading.of(0.010, 0.01), System.currentTimeMillis());
            session.end(MeterReading.of(0.020, 0.01), SessionEnding.UNPLUGGED, System.currentTimeMillis());
            return null;
        });

        assertFalse(ids(inTransaction(() -> sessions.findUnfinished())).contains(sessionId));
        assertFalse(inTransaction(() -> sessions.findUnfinishedOn(cpId.value())).isPresent());
        SessionTotals totals = inTransaction(() -> sessions.totals(0));
        assertTrue(totals.sessions() >= 1 && totals.energyKwh().compareTo(new BigDecimal("0.020")) >= 0,
                "the ended session counts in the totals: " + totals);
        ChargingSession ended = inTransaction(() -> sessions.find(sessionId)).orElseThrow();
        assertFalse(ended.isRunning());
        assertEquals(0, ended.energyKwh().compareTo(new BigDecimal("0.020")));
    }

    private static List<String> ids(List<ChargingSession> list) {
        return list.stream().map(ChargingSession::id).toList();
    }
}
