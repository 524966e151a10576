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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

import org.evcharging.api.net.FrameServer;
import org.evcharging.central.infrastructure.config.CentralConfig;
import org.evcharging.central.infrastructure.config.TransportSecurityConfig;

/**
 * The TCP acceptor for Monitors ({@code STX JSON ETX LRC} frames). One selector thread, taken from
 * a ManagedThreadFactory because it blocks for the application's whole life, serves every
 * connection of a port; each connection gets its own {@link MonitorConnectionHandler}. With
 * {@code monitor.tls.port} set, a second port speaks TLS (the same handlers: TLS is a layer of the
 * connection, below the frame decoder); the plain port stays for first-implementation Monitors.
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

    @Inject
    TransportSecurityConfig security;

    private final List<FrameServer> servers = new CopyOnWriteArrayList<>();
    private final List<Thread> loops = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    void start(@Observes @Priority(100) Startup event) {
        // The plain port stays for first-implementation Monitors unless listen.port is negative.
        if (config.listenPort() >= 0) {
            listen("", config.listenPort(), null);
        }
        if (security.monitorTlsEnabled()) {
            try {
                listen("TLS ", security.monitorTlsPort(), security.monitorTlsContext());
            } catch (IOException e) {
                fail("TLS " + e.getMessage());
            }
        }
    }

    private void listen(String kind, int port, SSLContext tls) {
        InetSocketAddress address = new InetSocketAddress(config.listenHost(), port);
        try {
            FrameServer bound = new FrameServer(address, config.maxFrameBytes(), config.maxQueuedBytes(),
                    handlers::open).withTls(tls).bind();
            Thread thread = threads.newThread(bound);
            thread.setName(tls == null ? "monitor-gateway" : "monitor-gateway-tls");
            servers.add(bound);
            loops.add(thread);
            thread.start();
            LOG.info(() -> kind + "Monitor gateway listening on " + address.getHostString() + ":" + bound.localPort());
        } catch (IOException e) {
            fail(kind + e.getMessage());
        }
    }

    private void fail(String reason) {
        failures.add(reason);
        LOG.severe(() -> "Monitor gateway NOT listening: " + reason);
    }

    void stop(@Observes Shutdown event) {
        stopping = true;
        servers.forEach(FrameServer::close);
    }

    /** True when every configured port (plain and TLS) accepts connections. */
    public boolean isListening() {
        return failures.isEmpty() && !servers.isEmpty() && servers.stream().allMatch(FrameServer::isListening);
    }

    /** False only when a loop died on its own; a stopping application is not a failure. */
    public boolean isLoopHealthy() {
        return stopping || loops.stream().allMatch(Thread::isAlive);
    }

    public Optional<String> failure() {
        return failures.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", failures));
    }

    /** The plain port (the configured one while not bound). */
    public int port() {
        return servers.stream().filter(s -> !s.isTls()).findFirst().map(FrameServer::localPort)
                .orElse(config.listenPort());
    }

    /** The TLS port, when TLS for Monitors is on. */
    public Optional<Integer> tlsPort() {
        return servers.stream().filter(FrameServer::isTls).findFirst().map(FrameServer::localPort);
    }

    public int connectionCount() {
        return servers.stream().mapToInt(FrameServer::connectionCount).sum();
    }
}
