package org.evcharging.agent.engine;

import org.evcharging.api.message.WireMessage;

/** One Monitor connection as the Engine sees it. */
interface MonitorChannel {

    /** "ip:port" of the peer. */
    String id();

    /** Queues {@code message}; false when the connection is gone. */
    boolean send(WireMessage message);

    boolean isOpen();
}
