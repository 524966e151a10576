package org.evcharging.central.application;

import org.evcharging.api.message.WireMessage;

/** The live connection of one Monitor, as the application sees it. */
public interface MonitorChannel {

    /** "ip:port" of the Monitor. */
    String id();

    /** Sends a message; false when the connection is gone. */
    boolean send(WireMessage message);

    /** Ends the connection; the loss is then handled like any socket loss. */
    void close();
}
