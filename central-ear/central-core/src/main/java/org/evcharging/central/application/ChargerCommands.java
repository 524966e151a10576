package org.evcharging.central.application;

import java.math.BigDecimal;

/**
 * What Central tells one CP to do, whatever protocol it speaks: the course protocol's socket
 * gateway and the OCPP endpoint each translate these into their own messages. Each returns false
 * when the CP cannot be told (its connection is gone).
 */
public interface ChargerCommands {

    /** Supply the driver for the session Central just opened, at this price. */
    boolean startSupply(String sessionId, String driverId, BigDecimal pricePerKwh);

    /** End the supply of this session (a driver's or the operator's stop). */
    boolean endSupply(String sessionId, String driverId);

    /** The operator put the CP out of service: it refuses new charges until {@link #backInService()}. */
    boolean outOfService();

    boolean backInService();

    /**
     * The operator authorized the CP while it waited on this connection; {@code waitingRequestId}
     * is the id of the request it waits on.
     */
    boolean admitted(String waitingRequestId);
}
