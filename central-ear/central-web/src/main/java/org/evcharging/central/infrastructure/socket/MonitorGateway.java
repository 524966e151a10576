package org.evcharging.central.infrastructure.socket;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.logging.Logger;

import org.evcharging.api.net.FrameServer;
import org.evcharging.central.infrastructure.config.CentralConfig;

/**
 * The TCP acceptor for Monitors ({@code STX JSON ETX LRC} frames). One selector thread, taken from
 * a ManagedThreadFactory because it blocks for the application's whole life, serves every
 * connection; each connection gets its own {@link MonitorConnectionHandler}.
 */
@ApplicationScoped
public class MonitorGateway {

    private static final Logger LOG = Logger.getLogger(MonitorGateway.class.getName());

    @Resource(lookup = "concurrent/monitorGatewayThreads")
    ManagedThreadFactory threads;

    @Inject
    CentralConfig config;

    @Inject
    MonitorConnectionHandlers handlers;

    private volatile FrameServer server;
    private volatile Thread loop;
    private volatile String failure;
    private volatile boolean stopping;

    void start(@Observes @Priority(100) Startup event) {
        InetSocketAddress address = new InetSocketAddress(config.listenHost(), config.listenPort());
        try {
            FrameServer bound = new FrameServer(address, config.maxFrameBytes(), config.maxQueuedBytes(),
                    handlers::open).bind();
            Thread thread = threads.newThread(bound);
            thread.setName("monitor-gateway");
            server = bound;
            loop = thread;
            thread.start();
            LOG.info(() -> "Monitor gateway listening on " + address.getHostString() + ":" + bound.localPort());
        } catch (IOException e) {
            failure = e.getMessage();
            LOG.severe(() -> "Monitor gateway NOT listening: " + failure);
        }
    }

    void stop(@Observes Shutdown event) {
        stopping = true;
        FrameServer s = server;
        if (s != null) {
            s.close();
        }
    }

    public boolean isListening() {
        FrameServer s = server;
        return s != null && s.isListening();
    }

    /** False only when the loop died on its own; a stopping application is not a failure. */
    public boolean isLoopHealthy() {
        Thread t = loop;
        return stopping || t == null || t.isAlive();
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public int port() {
        FrameServer s = server;
        return s == null ? config.listenPort() : s.localPort();
    }

    public int connectionCount() {
        FrameServer s = server;
        return s == null ? 0 : s.connectionCount();
    }
}
