package org.evcharging.central.infrastructure.socket;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.evcharging.api.net.FrameConnection;
import org.evcharging.api.net.FrameServer;

/** Creates the handler of each new Monitor connection; their work runs on the managed executor. */
@ApplicationScoped
public class MonitorConnectionHandlers {

    @Resource
    ManagedExecutorService executor;

    @Inject
    MonitorProtocol protocol;

    public FrameServer.Handler open(FrameConnection connection) {
        return new MonitorConnectionHandler(connection, protocol, executor);
    }
}
