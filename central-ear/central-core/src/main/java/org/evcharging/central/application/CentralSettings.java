package org.evcharging.central.application;

import java.time.Duration;

/** The settings Central's rules depend on; the server's configuration supplies them. */
public interface CentralSettings {

    /** New CPs are authorized without an operator (labs, demos). */
    boolean autoAuthorize();

    /** Assumed for Monitors that do not announce their interval: the first implementation's 30 s. */
    int defaultHeartbeatSeconds();

    /** A CP whose Monitor stays silent this many of its own intervals is DISCONNECTED. */
    int missedHeartbeats();

    /** An accepted charge whose CP shows no supply within this time is closed as not started. */
    Duration sessionStartTimeout();

    /** After asking a CP to end a supply, how long to wait for its final figures. */
    Duration sessionEndGrace();

    /**
     * After losing a CP's Monitor, how long its supply is followed without news before it is closed
     * with what is known. Long, because the supply usually goes on at the CP (a cut link, not a dead
     * charger) and its final figures arrive when the link is back; every tick heard restarts it.
     */
    Duration monitorLostGrace();

    /** After a Central restart, how long sessions left running wait for their CPs' results. */
    Duration sessionRestartGrace();

    /** After a Central restart, how long queued charge requests wait for the Monitors linked before it. */
    Duration monitorReturnWindow();

    /** Charge requests older than this (e.g. queued in Kafka while Central was down) are refused. */
    Duration requestMaxAge();

    /** How many lines of the panel's live feed are kept for a panel that opens later. */
    int panelFeedSize();

    /** At most this many CPs may wait for the operator: unknown ids beyond it are refused. */
    int maxPendingCps();

    /** At most this many unknown CPs a minute may join the pending list from one source address. */
    int newcomersPerMinutePerSource();

    /** How long a CP's signing rule (legacy, payload key) is trusted from memory before it is read again. */
    Duration signingRulesTtl();

    /** Several Centrals share the database and Kafka: CPs are owned through leases (off: every CP is this Central's). */
    default boolean clustered() {
        return false;
    }

    /** This Central's name among several (logs, the API's {@code central}); a random suffix is added per start. */
    default String centralName() {
        return "central";
    }

    /** How long a CP's lease lasts without renewal: a dead Central's CPs move on after at most this. */
    default Duration leaseTerm() {
        return Duration.ofSeconds(3);
    }

    /**
     * How long a command for a CP held elsewhere is kept, to be applied here if the CP comes here:
     * its addressee may stop (or die) before applying it, and the CP moves only once that Central's
     * lease ran out after its process ended — an orderly stop alone can take several seconds.
     */
    default Duration commandsKept() {
        return Duration.ofSeconds(60);
    }
}
