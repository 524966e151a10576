package org.evcharging.central.application;

import org.evcharging.api.message.WireMessage;
import org.evcharging.central.domain.model.chargingpoint.CpId;

/** The live connection of one Monitor, as the application sees it. */
public interface MonitorChannel {

    /** "ip:port" of the Monitor. */
    String id();

    /** Sends a message; false when the connection is gone. */
    boolean send(WireMessage message);

    /** Ends the connection; the loss is then handled like any socket loss. */
    void close();

    /** The CP this connection speaks for, once it has said so; null before. */
    CpId cpId();

    /** From now on this connection speaks for {@code id}. */
    void speaksFor(CpId id);

    /** This connection proved it speaks for {@code id}: its credential, its legacy id, or the operator's approval of it. */
    void admittedFor(CpId id);

    /** Whether {@link #admittedFor} was said for {@code id} on this connection. */
    boolean isAdmittedFor(CpId id);
}
