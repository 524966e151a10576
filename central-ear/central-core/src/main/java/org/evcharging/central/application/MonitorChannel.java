package org.evcharging.central.application;

import org.evcharging.api.security.PayloadSignature;
import org.evcharging.central.domain.model.chargingpoint.CpId;

/**
 * The live connection of one CP (a course Monitor or an OCPP charger), as the application sees it:
 * it takes Central's commands in its own protocol.
 */
public interface MonitorChannel extends ChargerCommands {

    /** "ip:port" of the peer. */
    String id();

    /** A label for the operator's panel when the CP speaks something else than the course protocol; null otherwise. */
    default String protocolLabel() {
        return null;
    }

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

    /**
     * Central replaced the CP's payload key while this connection speaks for it: pass the new one
     * on (a course Monitor hands it to its Engine). False when this protocol carries no key.
     */
    default boolean payloadKeyIssued(PayloadSignature.Key key) {
        return false;
    }

    /** As {@link #admitted(String)}, the approval carrying the CP's payload key where the protocol has room for it. */
    default boolean admitted(String waitingRequestId, PayloadSignature.Key key) {
        return admitted(waitingRequestId);
    }
}
