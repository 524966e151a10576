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

import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.ConnectionError;
import org.evcharging.driver.kafka.PortalConfig;
import org.evcharging.driver.kafka.RequestPublisher;
import org.evcharging.driver.kafka.ResponseListener;
import org.evcharging.driver.kafka.ResponseRouter;

/**
 * The drivers signed in at this portal instance, each with their {@link DriverAccount}, and the
 * Kafka bridge that feeds them: one reader of {@code driver_responses} routes each record to the
 * account it names; records for drivers never signed in here are dropped.
 */
@ApplicationScoped
public class DriverDirectory implements ResponseRouter, AccountEvents {

    private static final Logger LOG = Logger.getLogger(DriverDirectory.class.getName());
    private static final long OVERDUE_CHECK_MS = 500;

    @Inject
    PortalConfig config;

    @Inject
    RequestPublisher publisher;

    @Inject
    Event<AccountChanged> changes;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final Map<String, DriverAccount> accounts = new ConcurrentHashMap<>();
    private final ChargingPointCatalog catalog = new ChargingPointCatalog();
    private final CentralWatch watch = new CentralWatch(catalog);
    private ResponseListener listener;
    private List<ScheduledFuture<?>> routines = List.of();

    void start(@Observes Startup startup) {
        listener = new ResponseListener(config.brokerAddress(), this);
        listener.start();
        long probeMs = config.probeInterval().toMillis();
        routines = List.of(
                scheduler.scheduleWithFixedDelay(this::probeCentral, probeMs, probeMs, TimeUnit.MILLISECONDS),
                scheduler.scheduleWithFixedDelay(this::resendOverdue, OVERDUE_CHECK_MS, OVERDUE_CHECK_MS,
                        TimeUnit.MILLISECONDS));
        LOG.info(() -> "Driver portal bridging to Kafka at " + config.brokerAddress());
    }

    /** The account of {@code driverId}, created at its first sign-in here. */
    public DriverAccount signIn(String driverId) {
        return accounts.computeIfAbsent(driverId, id -> new DriverAccount(id, publisher::publish, this));
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

    @Override
    public void route(String driverId, WireMessage message, long kafkaTimestamp) {
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
            publisher.publish(watch.nextProbe(System.currentTimeMillis()), watch.probeId());
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
    }
}
