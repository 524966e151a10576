package it.org.evcharging.central.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.evcharging.api.Topics;
import org.evcharging.api.message.ReplyStatus;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.StopChargingRequest;
import org.evcharging.api.message.session.ChargeCompletion;

/**
 * A driver on real Kafka who charges again and again until told to finish, on its CPs in turn: it
 * asks for a charge and waits for the answer; when accepted it either lets the car charge a while
 * and stops, or lets the CP end the supply; it waits for the ticket, pauses, and asks again. Each
 * request is kept with its answer (or none within the deadline) and every ticket is counted by
 * session. Runs on its own thread; read what it saw after {@link #finishAll}.
 */
public final class RepeatingDriver {

    /** Between two charges, as a person takes a moment. */
    private static final Duration PAUSE = Duration.ofMillis(500);
    /** After the last charge: a second ticket of a session would come within this. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    /** A charge or stop request; {@code answeredAfter} is null when no answer came within the deadline. */
    public record Request(String kind, String driverId, String cpId, String messageId, Instant sentAt, Duration answeredAfter,
                          String status, String info, String sessionId) {

        public boolean answered() {
            return answeredAfter != null;
        }

        public boolean accepted() {
            return answered() && ReplyStatus.SUCCESS.equals(status);
        }

        public boolean isCharge() {
            return "charge".equals(kind);
        }
    }

    private final KafkaDriver driver;
    private final List<String> cps;
    private final Duration chargeFor;
    private final Duration deadline;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Integer> tickets = new HashMap<>();
    private final Thread thread;
    private volatile boolean finishing;
    private Exception failure;

    /**
     * Starts charging at once on {@code cps}; a stop comes after {@code chargeFor}; {@code deadline}
     * bounds the wait for each answer and ticket.
     */
    public RepeatingDriver(String bootstrap, String driverId, List<String> cps, Duration chargeFor, Duration deadline) {
        this.driver = new KafkaDriver(bootstrap, driverId);
        this.cps = List.copyOf(cps);
        this.chargeFor = chargeFor;
        this.deadline = deadline;
        this.thread = new Thread(this::run, "repeating-driver-" + driverId);
        thread.setDaemon(true);
        thread.start();
    }

    public String id() {
        return driver.id();
    }

    /** Each driver lets its charge in progress end (its ticket included), waits for stray tickets, and stops. */
    public static void finishAll(List<RepeatingDriver> drivers) throws Exception {
        drivers.forEach(driver -> driver.finishing = true);
        for (RepeatingDriver driver : drivers) {
            driver.awaitFinished();
        }
    }

    private void awaitFinished() throws Exception {
        thread.join(deadline.multipliedBy(4).plus(chargeFor).plus(QUIET).toMillis());
        driver.close();
        if (thread.isAlive()) {
            throw new AssertionError(id() + " did not finish its last charge");
        }
        if (failure != null) {
            throw failure;
        }
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many tickets the driver got for {@code sessionId}. */
    public int ticketsOf(String sessionId) {
        return tickets.getOrDefault(sessionId, 0);
    }

    private void run() {
        try {
            for (int n = 0; !finishing; n++) {
                String cpId = cps.get(n % cps.size());
                Request charge = ask("charge", cpId, ChargeRequest.of(cpId, id()), Topics.DRIVER_CHARGE_REQUESTS);
                if (charge.accepted()) {
                    String sessionId = charge.sessionId();
                    if (n % 2 == 0) {
                        readFor(chargeFor);
                        ask("stop", cpId, StopChargingRequest.of(sessionId, cpId, id()), Topics.DRIVER_STOP_REQUESTS);
                    }
                    if (ticketsOf(sessionId) == 0) { // it may come before the stop's answer
                        await(ChargeCompletion.class, ticket -> sessionId.equals(ticket.sessionId()), deadline);
                    }
                }
                readFor(PAUSE);
            }
            readFor(QUIET);
        } catch (Exception e) {
            failure = e;
        }
    }

    private Request ask(String kind, String cpId, WireMessage request, String topic) throws Exception {
        Instant sentAt = Instant.now();
        long sentAtNanos = System.nanoTime();
        driver.send(topic, request);
        Request asked = await(Response.class, r -> request.messageId().equals(r.messageId()), deadline)
                .map(r -> new Request(kind, id(), cpId, request.messageId(), sentAt, Duration.ofNanos(System.nanoTime() - sentAtNanos),
                        r.status(), r.info(), r.sessionId()))
                .orElseGet(() -> new Request(kind, id(), cpId, request.messageId(), sentAt, null, null, null, null));
        requests.add(asked);
        return asked;
    }

    /** Reads what comes for {@code time}, counting tickets. */
    private void readFor(Duration time) throws InterruptedException {
        await(WireMessage.class, message -> false, time);
    }

    /** The first message of {@code type} that is {@code wanted} within {@code limit}; every ticket passing is counted. */
    private <T extends WireMessage> Optional<T> await(Class<T> type, Predicate<T> wanted, Duration limit)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        for (long left = limit.toNanos(); left > 0; left = end - System.nanoTime()) {
            Optional<WireMessage> next = driver.next(Duration.ofNanos(left));
            if (next.isEmpty()) {
                break;
            }
            if (next.get() instanceof ChargeCompletion ticket) {
                tickets.merge(ticket.sessionId(), 1, Integer::sum);
            }
            if (type.isInstance(next.get()) && wanted.test(type.cast(next.get()))) {
                return Optional.of(type.cast(next.get()));
            }
        }
        return Optional.empty();
    }
}
