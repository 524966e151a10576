package org.evcharging.central.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;

/**
 * Central's core wired by hand, as CDI wires it in the server, on in-memory repositories, a fake
 * clock and fake Monitor connections: the rules run exactly as in production, in milliseconds.
 */
final class CoreFixture {

    static final String PRICE = "0.30";

    final AtomicLong nanos;
    final AtomicLong millis;
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    };

    final TestSettings settings = new TestSettings();
    private final AtomicLong requests = new AtomicLong();
    final InMemoryChargingPoints chargingPointRepository;
    final InMemoryChargingSessions sessionRepository;
    final List<WireMessage> toDrivers = new CopyOnWriteArrayList<>();
    final DriverNotifier drivers = new DriverNotifier() {
        @Override
        public <T extends WireMessage & DriverScoped> void notify(T message) {
            toDrivers.add(message);
        }
    };

    final PanelFeed feed = new PanelFeed();
    final RecordingEvent<PanelNotice> notices = new RecordingEvent<>(feed::notice);
    final RecordingEvent<ChargingPointChanged> changes = new RecordingEvent<>(change -> {
        feed.changed(change);
        this.signingRules.changed(change);
        this.returning.changed(change);
    });
    final MonitorLinks links = new MonitorLinks();
    final FakeHasher hasher = new FakeHasher();
    final RecordingAuditTrail audit = new RecordingAuditTrail();
    final NewcomerGate newcomers = new NewcomerGate();
    final ChargingPointRegistry registry = new ChargingPointRegistry();
    /** The credential each CP was given, as its Monitor keeps it. */
    final Map<String, String> credentials = new ConcurrentHashMap<>();
    final RunningSessions running = new RunningSessions();
    final ChargingPointService chargingPoints = new ChargingPointService();
    final SessionStore store = new SessionStore();
    final SessionService sessions = new SessionService();
    final ReadingsFlush readings = new ReadingsFlush();
    final MonitorReports reports = new MonitorReports();
    final PayloadKeys payloadKeys = new PayloadKeys();
    final SigningRules signingRules = new SigningRules();
    final DriverService driverService = new DriverService();
    final ChargeAdmission admission = new ChargeAdmission();
    final OperatorService operator = new OperatorService();
    final OperatorQueries queries = new OperatorQueries();
    final SystemStatistics statistics = new SystemStatistics();
    final InMemoryCpLeases leaseRepository;
    final CpLeases leases = new CpLeases();
    final Ownership ownership = new Ownership();
    final ReturningMonitors returning = new ReturningMonitors();
    final AdoptedSessions adopted = new AdoptedSessions();
    final GroupCommit commits = new GroupCommit();

    CoreFixture() {
        this(new InMemoryChargingPoints(), new InMemoryChargingSessions(), new InMemoryCpLeases(),
                new AtomicLong(TimeUnit.SECONDS.toNanos(1_000)),
                new AtomicLong(Instant.parse("2026-11-30T10:00:00Z").toEpochMilli()));
    }

    private CoreFixture(InMemoryChargingPoints chargingPointRepository, InMemoryChargingSessions sessionRepository,
                        InMemoryCpLeases leaseRepository, AtomicLong nanos, AtomicLong millis) {
        this.chargingPointRepository = chargingPointRepository;
        this.sessionRepository = sessionRepository;
        this.leaseRepository = leaseRepository;
        this.nanos = nanos;
        this.millis = millis;
        feed.settings = settings;

        leases.leases = leaseRepository;
        leases.chargingPoints = chargingPoints;
        leases.clock = clock;
        ownership.settings = settings;
        ownership.leases = leases;
        ownership.links = links;
        ownership.sessions = sessions;
        ownership.chargingPoints = chargingPoints;
        ownership.nanoTime = nanos::get;
        ownership.name();
        sessions.ownership = ownership;
        reports.ownership = ownership;
        operator.ownership = ownership;
        registry.ownership = ownership;

        chargingPoints.repository = chargingPointRepository;
        chargingPoints.settings = settings;
        chargingPoints.changes = changes;
        chargingPoints.clock = clock;
        chargingPoints.newcomers = newcomers;
        newcomers.settings = settings;
        newcomers.nanoTime = nanos::get;

        registry.chargingPoints = chargingPoints;
        registry.links = links;
        registry.hasher = hasher;
        registry.payloadKeys = payloadKeys;

        store.sessions = sessionRepository;
        store.chargingPoints = chargingPointRepository;
        store.changes = changes;
        store.clock = clock;

        sessions.store = store;
        readings.running = running;
        readings.store = store;
        sessions.running = running;
        sessions.links = links;
        sessions.drivers = drivers;
        sessions.settings = settings;
        sessions.notices = notices;
        sessions.nanoTime = nanos::get;
        adopted.store = store;
        adopted.running = running;
        adopted.settings = settings;
        adopted.ownership = ownership;
        adopted.returning = returning;
        adopted.nanoTime = nanos::get;
        ownership.adopted = adopted;
        returning.settings = settings;
        returning.nanoTime = nanos::get;

        reports.chargingPoints = chargingPoints;
        reports.sessions = sessions;
        reports.links = links;
        reports.settings = settings;
        reports.nanoTime = nanos::get;
        reports.hasher = hasher;
        reports.audit = audit;
        reports.commits = commits;
        commits.transactions = new Transactions();

        payloadKeys.chargingPoints = chargingPoints;
        payloadKeys.sessions = sessions;
        payloadKeys.links = links;
        payloadKeys.audit = audit;
        payloadKeys.rules = signingRules;
        payloadKeys.running = running;
        signingRules.chargingPoints = chargingPoints;
        signingRules.settings = settings;
        signingRules.nanoTime = nanos::get;

        driverService.sessions = sessions;
        driverService.store = store;
        driverService.chargingPoints = chargingPoints;
        driverService.settings = settings;
        driverService.clock = clock;
        admission.sessions = sessions;
        admission.store = store;
        admission.drivers = driverService;
        admission.notices = notices;

        operator.chargingPoints = chargingPoints;
        operator.sessions = sessions;
        operator.links = links;
        operator.hasher = hasher;
        operator.payloadKeys = payloadKeys;

        queries.chargingPoints = chargingPoints;
        queries.sessions = store;
        queries.running = running;
        queries.ownership = ownership;
        queries.links = links;

        statistics.chargingPoints = chargingPoints;
        statistics.sessions = sessionRepository;
        statistics.running = running;
        statistics.links = links;
        statistics.clock = clock;
    }

    /** A new Central on the same database: nothing of this one's memory survives. */
    CoreFixture restarted() {
        CoreFixture next = new CoreFixture(chargingPointRepository, sessionRepository, leaseRepository,
                new AtomicLong(TimeUnit.SECONDS.toNanos(1_000)), new AtomicLong(millis.get()));
        next.credentials.putAll(credentials);
        return next;
    }

    /** Several Centrals on one database, named {@code a}, {@code b}...: each its own memory, one clock. */
    static List<CoreFixture> cluster(String... names) {
        CoreFixture first = new CoreFixture();
        List<CoreFixture> all = new java.util.ArrayList<>();
        for (String name : names) {
            CoreFixture central = all.isEmpty() ? first : new CoreFixture(first.chargingPointRepository,
                    first.sessionRepository, first.leaseRepository, first.nanos, first.millis);
            central.settings.clustered = true;
            central.settings.centralName = name;
            central.ownership.name();
            all.add(central);
        }
        all.forEach(central -> central.credentials.putAll(first.credentials));
        return all;
    }

    /** Time passes for every clock Central reads. */
    void advanceSeconds(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
        millis.addAndGet(TimeUnit.SECONDS.toMillis(seconds));
    }

    /** A CP whose Monitor connected, was authorized by the operator and registered: ACTIVE. */
    FakeMonitorChannel activeCp(String id) {
        FakeMonitorChannel monitor = new FakeMonitorChannel("10.0.0.2:" + (40000 + id.hashCode() % 1000));
        connect(monitor, id);
        return monitor;
    }

    /**
     * The CP's Monitor (re)connects on {@code monitor}: authenticates with its credential (authorized
     * once if new, keeping the credential issued) and registers.
     */
    void connect(FakeMonitorChannel monitor, String id) {
        CpId cpId = CpId.of(id);
        if (!reports.authenticate(monitor, cpId, credentials.get(id), "auth-" + id)) {
            credentials.put(id, operator.authorize(cpId).credential());
        }
        reports.register(monitor, cpId, "Street " + id, Double.valueOf(PRICE), 1, "reg-" + id);
    }

    ChargingSession charge(String cpId, String driverId) {
        return driverService.requestCharge(CpId.of(cpId), driverId, "req-" + requests.incrementAndGet(), null);
    }

    ChargingPoint cp(String id) {
        return chargingPointRepository.get(CpId.of(id));
    }

    ChargingSession session(String id) {
        return sessionRepository.find(id).orElseThrow();
    }

    List<ChargeCompletion> tickets() {
        return toDrivers.stream().filter(ChargeCompletion.class::isInstance).map(ChargeCompletion.class::cast).toList();
    }
}
