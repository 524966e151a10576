package org.evcharging.agent.monitor;

import java.util.Optional;

import org.evcharging.api.model.ChargingPointState;

/**
 * What the Monitor knows of its Engine: nothing yet (just started), healthy in a given state, or
 * failed for a stated reason (the {@code failure_info} Central is told).
 */
record EngineHealth(Kind kind, ChargingPointState engineState, String failureInfo) {

    enum Kind { UNKNOWN, HEALTHY, FAULTY }

    static final String CONNECTION_LOST = "EV_CP_E connection lost";
    static final String HEALTH_CHECK_TIMEOUT = "EV_CP_E health check timeout";
    static final String REPORTED_KO = "EV_CP_E reported KO";

    static EngineHealth unknown() {
        return new EngineHealth(Kind.UNKNOWN, null, null);
    }

    static EngineHealth healthy(ChargingPointState engineState) {
        return new EngineHealth(Kind.HEALTHY, engineState, null);
    }

    static EngineHealth faulty(String failureInfo) {
        return new EngineHealth(Kind.FAULTY, null, failureInfo);
    }

    boolean isFaulty() {
        return kind == Kind.FAULTY;
    }

    /** The CP state this implies, once anything is known. */
    Optional<ChargingPointState> impliedState() {
        return switch (kind) {
            case UNKNOWN -> Optional.empty();
            case FAULTY -> Optional.of(ChargingPointState.FAULTY);
            case HEALTHY -> Optional.of(engineState);
        };
    }

    String describe() {
        return switch (kind) {
            case UNKNOWN -> "not known yet";
            case FAULTY -> "FAULT (" + failureInfo + ")";
            case HEALTHY -> "healthy, " + engineState;
        };
    }
}
