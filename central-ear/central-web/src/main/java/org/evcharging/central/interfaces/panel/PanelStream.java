package org.evcharging.central.interfaces.panel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evcharging.api.message.Json;
import org.evcharging.central.application.OperatorQueries;
import org.evcharging.central.application.PanelFeed;
import org.evcharging.central.application.PanelNotice;
import org.evcharging.central.interfaces.rest.dto.ChargingPointView;

/**
 * The panel's Server-Sent Events: a {@code snapshot} of every tile each period (so live kWh and €
 * move without any event to announce them) and at once after each feed line, and a {@code feed}
 * event per line. One broadcaster serves every open panel; the timer runs only once a panel has
 * connected.
 */
@ApplicationScoped
public class PanelStream {

    private static final Logger LOG = Logger.getLogger(PanelStream.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    OperatorQueries queries;

    @Inject
    PanelFeed feed;

    @Inject
    @ConfigProperty(name = "panel.snapshot.period.ms", defaultValue = "1000")
    long periodMillis;

    private final ObjectMapper json = Json.mapper();
    private Sse sse;
    private SseBroadcaster broadcaster;
    private ScheduledFuture<?> ticker;

    @PostConstruct
    void listen() {
        feed.subscribe(this::feedLine);
    }

    /** A panel connects: it gets the current tiles and the recent feed, then follows the broadcast. */
    public synchronized void open(SseEventSink sink, Sse context) {
        if (broadcaster == null) {
            sse = context;
            broadcaster = context.newBroadcaster();
            ticker = scheduler.scheduleWithFixedDelay(this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }
        sink.send(event("snapshot", snapshot()));
        sink.send(event("history", feed.recent()));
        broadcaster.register(sink);
    }

    public PanelSnapshot snapshot() {
        return new PanelSnapshot(System.currentTimeMillis(),
                queries.chargingPoints(null).stream().map(ChargingPointView::of).toList());
    }

    private void feedLine(PanelNotice notice) {
        SseBroadcaster target = currentBroadcaster();
        if (target != null) {
            target.broadcast(event("feed", notice));
            // The change behind the line is committed: show it now rather than at the next tick.
            scheduler.execute(this::tick);
        }
    }

    private void tick() {
        SseBroadcaster target = currentBroadcaster();
        if (target == null) {
            return;
        }
        try {
            target.broadcast(event("snapshot", snapshot()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Panel snapshot failed; trying again next period", e);
        }
    }

    private synchronized SseBroadcaster currentBroadcaster() {
        return broadcaster;
    }

    private synchronized OutboundSseEvent event(String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).data(String.class, json.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the panel's " + name, e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (ticker != null) {
            ticker.cancel(false);
        }
        if (broadcaster != null) {
            broadcaster.close();
        }
    }
}
