package it.org.evcharging.central.portal;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.AgentProcess;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.LibertyServerProcess;
import it.org.evcharging.central.support.SharedCentral;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the portal tests run against, all real processes: the run's shared broker and Central
 * ({@link SharedCentral}), the portal's own Liberty server, and charging points made of an Engine
 * and a Monitor process each, authorized by the operator through the admin API. Engines tick fast
 * and end supplies after a short maximum so tests stay short. Closing it stops the portal and the
 * agents, not the shared system.
 */
final class PortalSystem implements AutoCloseable {

    static final long ENGINE_TICK_MS = 200;
    static final int MAX_CHARGE_SECONDS = 10;

    private final CentralFixture central;
    private final LibertyServerProcess portal;
    private final AgentProcess.Group agents = new AgentProcess.Group();
    private final List<String> cpIds = new ArrayList<>();

    private PortalSystem(CentralFixture central, LibertyServerProcess portal) {
        this.central = central;
        this.portal = portal;
    }

    /** Needs the class to be extended with {@link SharedCentral}. */
    static PortalSystem start(int chargingPoints) throws Exception {
        return start(chargingPoints, "PCP", MAX_CHARGE_SECONDS);
    }

    /** CPs named {@code cpPrefix1..n} (each class its own: CPs outlive it in the shared Central) ending supplies after {@code maxChargeSeconds}. */
    static PortalSystem start(int chargingPoints, String cpPrefix, int maxChargeSeconds) throws Exception {
        CentralFixture central = SharedCentral.system();
        LibertyServerProcess portal = new LibertyServerProcess(Path.of(System.getProperty("portal.liberty.install.dir")),
                "driver", central.workDir().resolve("portal"), Integer.parseInt(System.getProperty("it.portal.http.port")),
                portalEnv(central, System.getProperty("it.portal.https.port")));
        PortalSystem system = new PortalSystem(central, portal);
        try {
            Duration ready = portal.startAndAwaitReady(CentralFixture.START_TIMEOUT);
            System.out.printf("[timing] driver portal ready (Kafka reachable) in %d ms%n", ready.toMillis());
            for (int n = 1; n <= chargingPoints; n++) {
                system.addChargingPoint(cpPrefix + n, maxChargeSeconds);
            }
        } catch (Exception | AssertionError e) {
            system.close();
            throw e;
        }
        return system;
    }

    /** Another portal instance on the same broker, as a second node behind a load balancer would be. */
    LibertyServerProcess startAnotherPortal(String name) throws Exception {
        LibertyServerProcess other = new LibertyServerProcess(Path.of(System.getProperty("portal.liberty.install.dir")),
                "driver", central.workDir().resolve(name), AgentProcess.freePort(),
                portalEnv(central, Integer.toString(AgentProcess.freePort())));
        Duration ready = other.startAndAwaitReady(CentralFixture.START_TIMEOUT);
        System.out.printf("[timing] second driver portal instance ready in %d ms%n", ready.toMillis());
        return other;
    }

    /** A portal on the shared broker that checks drivers' passwords at the shared Central. */
    private static Map<String, String> portalEnv(CentralFixture central, String httpsPort) {
        return Map.of("HTTPS_PORT", httpsPort,
                "BROKER_ADDRESS", central.kafka().bootstrapServers(),
                "CENTRAL_URL", central.central().baseUri().toString(),
                "DRIVER_PORTAL_SECRET", CentralFixture.DRIVER_PORTAL_SECRET);
    }

    private void addChargingPoint(String cpId, int maxChargeSeconds) throws Exception {
        Path dir = central.workDir().resolve(cpId);
        int enginePort = AgentProcess.freePort();
        AgentProcess engine = agents.add(AgentProcess.engine(central.kafka().bootstrapServers(), enginePort,
                dir.resolve("engine"), ENGINE_TICK_MS, maxChargeSeconds));
        engine.awaitLine("ENGINE LISTENING ON", Duration.ofSeconds(30));
        // Registered by the operator first, so the Monitor comes back by itself after a Central restart.
        String credential = new AdminApi(central.central().baseUri(), null)
                .register(cpId, AgentProcess.TEST_LOCATION, AgentProcess.TEST_PRICE);
        agents.add(AgentProcess.monitor(enginePort, central.acceptorPort(), cpId, 1, dir.resolve("monitor"), credential));
        cpIds.add(cpId);
    }

    String cp(int n) {
        return cpIds.get(n - 1);
    }

    URI portalBase() {
        return portal.baseUri();
    }

    CentralFixture central() {
        return central;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            agents.close();
        } finally {
            portal.close();
        }
    }
}
