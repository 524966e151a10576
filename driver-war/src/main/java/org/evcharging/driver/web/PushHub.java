package org.evcharging.driver.web;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.evcharging.driver.facade.DriverPortalFacade;
import org.evcharging.driver.kafka.PortalConfig;
import org.evcharging.driver.portal.AccountChanged;

/**
 * The open pages of each driver, as server-sent event streams. Each change of a driver's state is
 * pushed at once to all their pages; every page also gets a fresh snapshot each second so the
 * elapsed time and Central's reachability stay current without a refresh.
 */
@ApplicationScoped
public class PushHub {

    private static final Logger LOG = Logger.getLogger(PushHub.class.getName());

    @Inject
    DriverPortalFacade portal;

    @Inject
    PortalConfig config;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Set<SseEventSink>> pagesByDriver = new ConcurrentHashMap<>();
    private Sse sse;
    private ScheduledFuture<?> ticker;

    void start(@Observes Startup startup) {
        long every = config.pushInterval().toMillis();
        ticker = scheduler.scheduleAtFixedRate(this::pushAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** A periodic task that throws is never run again: one broken page must not stop every other page's clock. */
    private void pushAll() {
        for (String driverId : pagesByDriver.keySet()) {
            try {
                push(driverId);
            } catch (RuntimeException e) {
                LOG.warning(() -> "Could not push to the pages of " + driverId + ": " + e);
            }
        }
    }

    void open(String driverId, SseEventSink sink, Sse sse) {
        this.sse = sse;
        pagesByDriver.computeIfAbsent(driverId, id -> ConcurrentHashMap.newKeySet()).add(sink);
        push(driverId);
    }

    /** Pushed from another thread: the Kafka reader must not wait for browsers. */
    void onChange(@Observes AccountChanged change) {
        if (pagesByDriver.containsKey(change.driverId())) {
            scheduler.execute(() -> push(change.driverId()));
        }
    }

    private void push(String driverId) {
        Set<SseEventSink> pages = pagesByDriver.get(driverId);
        if (pages == null || sse == null) {
            return;
        }
        pages.removeIf(SseEventSink::isClosed);
        if (pages.isEmpty()) {
            return;
        }
        String data;
        try {
            data = json.writeValueAsString(portal.snapshot(driverId).orElse(null));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warning(() -> "Could not build the view of " + driverId + ": " + e);
            return;
        }
        for (SseEventSink page : pages) {
            synchronized (page) {
                try {
                    page.send(sse.newEventBuilder().name("snapshot").data(data).build())
                            .whenComplete((ok, error) -> {
                                if (error != null) {
                                    drop(pages, page);
                                }
                            });
                } catch (RuntimeException e) {
                    // The container may recycle a page's request before the sink reports itself closed.
                    drop(pages, page);
                }
            }
        }
    }

    private static void drop(Set<SseEventSink> pages, SseEventSink page) {
        pages.remove(page);
        try {
            page.close();
        } catch (RuntimeException alreadyGone) {
            // nothing left to release
        }
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.cancel(false);
        }
        pagesByDriver.values().forEach(pages -> pages.forEach(SseEventSink::close));
    }
}
