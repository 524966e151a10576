package it.org.evcharging.central.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.evcharging.api.Topics;
import org.evcharging.api.message.driver.AvailableCpsRequest;
import org.evcharging.api.message.driver.AvailableCpsResponse;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Kafka broker and one Central for every IT class of the run that is annotated
 * {@code @ExtendWith(SharedCentral.class)}: started by the first such class, kept in the root
 * {@link ExtensionContext.Store} and stopped when the whole run ends (the store closes it).
 * <p>
 * Classes that stop, kill or restart Central or the broker do so on the shared ones; before each
 * class this extension makes sure both run again and that Central answers a driver over Kafka (its
 * consumers are attached), so a class never inherits a half-recovered system. Classes sharing it
 * use their own CP and driver ids and never assert global counts.
 * <p>
 * The settings are the union of what the classes need: new CPs wait for the operator (classes
 * that want an authorized CP authorize it through the API), a supply that never starts is closed
 * after 8 s, a CP's final figures are awaited 3 s, and at most 60 unknown CPs a minute per source
 * address may join a pending list of at most 100.
 */
public final class SharedCentral implements BeforeAllCallback {

    public static final int NEWCOMERS_PER_MINUTE = 60;
    public static final int PENDING_MAX = 100;

    /** Central's environment for the shared system. */
    public static final Map<String, String> ENV = Map.of(
            "SESSION_START_TIMEOUT_SECONDS", "8",
            "SESSION_END_GRACE_SECONDS", "3",
            // Every class adds its newcomers from 127.0.0.1; CpFloodIT floods from other loopback addresses.
            "CP_NEWCOMERS_PER_MINUTE", Integer.toString(NEWCOMERS_PER_MINUTE),
            "CP_PENDING_MAX", Integer.toString(PENDING_MAX));
    private static final Duration READY_TIMEOUT = CentralFixture.START_TIMEOUT;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCentral.class);
    private static volatile CentralFixture current;

    /** The shared system; valid in {@code @BeforeAll} and later of a class extended with this. */
    public static CentralFixture system() {
        CentralFixture fixture = current;
        if (fixture == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(SharedCentral.class)");
        }
        return fixture;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Holder holder = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Holder.class, type -> new Holder(), Holder.class);
        current = holder.ready(context.getRequiredTestClass().getSimpleName());
    }

    /** Owns the processes; the root store closes it once, at the end of the run. */
    static final class Holder implements AutoCloseable {

        private static final AtomicInteger PROBES = new AtomicInteger();
        private CentralFixture fixture;

        synchronized CentralFixture ready(String forClass) throws Exception {
            long begin = System.nanoTime();
            if (fixture == null) {
                fixture = CentralFixture.start("shared", ENV);
            } else {
                // A previous class may have stopped or restarted either process: bring back what is down.
                if (!fixture.kafka().isAlive()) {
                    fixture.kafka().start();
                }
                if (!fixture.central().isRunning()) {
                    fixture.central().start();
                }
                fixture.central().awaitStatus("/health/ready", 200, READY_TIMEOUT);
            }
            awaitDriverRoundTrip(fixture);
            System.out.printf("[timing] shared broker + Central ready for %s in %d ms%n", forClass,
                    (System.nanoTime() - begin) / 1_000_000);
            return fixture;
        }

        /** Central's Kafka consumers answer a driver: what "ready" means for the tests that follow. */
        private static void awaitDriverRoundTrip(CentralFixture fixture) throws Exception {
            try (KafkaDriver probe = new KafkaDriver(fixture.kafka().bootstrapServers(),
                    "shared_probe_" + PROBES.incrementAndGet())) {
                AvailableCpsRequest request = AvailableCpsRequest.of(probe.id());
                probe.send(Topics.DRIVER_CPS_REQUESTS, request);
                probe.await(AvailableCpsResponse.class, r -> request.messageId().equals(r.messageId()), READY_TIMEOUT);
            }
        }

        @Override
        public synchronized void close() throws Exception {
            if (fixture != null) {
                fixture.close();
                fixture = null;
            }
        }
    }
}
