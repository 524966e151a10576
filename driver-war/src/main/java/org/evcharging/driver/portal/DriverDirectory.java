package org.evcharging.driver.portal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.evcharging.api.Topics;
import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.ConnectionError;
import org.evcharging.driver.kafka.PortalConfig;
import org.evcharging.kafka.client.MessageHandler;
import org.evcharging.kafka.client.RecordPublisher;
import org.evcharging.kafka.client.ResponseListener;

/**
 * The drivers signed in at this portal instance, each with their {@link DriverAccount}, and the
 * Kafka bridge that feeds them: one reader of {@code driver_responses} (every partition, from its
 * end, no consumer group, so each portal instance sees every driver) routes each record to the
 * account it names; records for drivers never signed in here are dropped. Requests go out through
 * the shared publisher, which never blocks a page: an unreachable broker shows up as an unanswered
 * request, which the portal reports as Central being unreachable.
 */
@ApplicationScoped
public class DriverDirectory implements MessageHandler, AccountEvents {

    private static final Logger LOG = Logger.getLogger(DriverDirectory.class.getName());
    private static final long OVERDUE_CHECK_MS = 500;

    @Inject
    PortalConfig config;

    @Inject
    Event<AccountChanged> changes;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final Map<String, DriverAccount> accounts = new ConcurrentHashMap<>();
    private final ChargingPointCatalog catalog = new ChargingPointCatalog();
    private final CentralWatch watch = new CentralWatch(catalog);
    private RecordPublisher publisher;
    private ResponseListener listener;
    private List<ScheduledFuture<?>> routines = List.of();

    void start(@Observes Startup startup) {
        publisher = new RecordPublisher(config.brokerAddress(), "driver-portal");
        listener = ResponseListener.start(config.brokerAddress(), "driver-portal-responses", Topics.DRIVER_RESPONSES,
                this, why -> LOG.fine(() -> "Waiting for Kafka: " + why));
        long probeMs = config.probeInterval().toMillis();
        routines = List.of(
                scheduler.scheduleWithFixedDelay(this::probeCentral, probeMs, probeMs, TimeUnit.MILLISECONDS),
                scheduler.scheduleWithFixedDelay(this::resendOverdue, OVERDUE_CHECK_MS, OVERDUE_CHECK_MS,
                        TimeUnit.MILLISECONDS));
        LOG.info(() -> "Driver portal bridging to Kafka at " + config.brokerAddress());
    }

    /** The account of {@code driverId}, created at its first sign-in here. */
    public DriverAccount signIn(String driverId) {
        return accounts.computeIfAbsent(driverId, id -> new DriverAccount(id, this::sendRequest, this));
    }

    public Optional<DriverAccount> find(String driverId) {
        return Optional.ofNullable(driverId).map(accounts::get);
    }

    public List<ChargingPointCatalog.Entry> chargingPoints() {
        return catalog.entries();
    }

    /** The driver's state, with Central counted as silent if it ignores either them or the portal. */
    public Optional<AccountView> view(String driverId) {
        long timeout = config.answerTimeout().toMillis();
        return find(driverId).map(account -> {
            AccountView v = account.view(timeout);
            boolean silent = v.centralSilent() || watch.silent(System.currentTimeMillis(), timeout);
            return new AccountView(v.driverId(), silent, v.session(), v.tickets(), v.services());
        });
    }

    /** Requests are keyed by the driver id they carry, so one driver's stay in order (10.29). */
    private void sendRequest(WireMessage request, String driverId) {
        publisher.publish(Topics.requestTopicFor(request), request);
    }

    @Override
    public void handle(WireMessage message, long kafkaTimestamp) {
        if (message instanceof DriverScoped scoped && scoped.driverId() != null) {
            route(scoped.driverId(), message, kafkaTimestamp);
        }
    }

    private void route(String driverId, WireMessage message, long kafkaTimestamp) {
        if (message instanceof ConnectionError notice) {
            watch.onNotice(notice);
        }
        if (driverId.equals(watch.probeId())) {
            if (watch.onAnswer(message)) {
                accounts.keySet().forEach(id -> changes.fire(new AccountChanged(id)));
            }
            return;
        }
        DriverAccount account = accounts.get(driverId);
        if (account != null) {
            account.accept(message, kafkaTimestamp);
        }
    }

    private void probeCentral() {
        try {
            sendRequest(watch.nextProbe(System.currentTimeMillis()), watch.probeId());
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not probe Central: " + e);
        }
    }

    private void resendOverdue() {
        long timeout = config.answerTimeout().toMillis();
        accounts.values().forEach(account -> {
            try {
                if (account.checkOverdue(timeout)) {
                    changed(account);
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "Could not resend for " + account.driverId() + ": " + e);
            }
        });
    }

    @Override
    public void changed(DriverAccount account) {
        changes.fire(new AccountChanged(account.driverId()));
    }

    @Override
    public long servicePauseMs() {
        return config.servicePause().toMillis();
    }

    @Override
    public void schedule(Runnable task, long delayMs) {
        scheduler.schedule(task, delayMs, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        routines.forEach(r -> r.cancel(false));
        if (listener != null) {
            listener.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }
}
