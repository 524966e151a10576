package org.evcharging.agent.monitor;

import java.util.Optional;

import org.evcharging.api.model.ChargingPointState;

/**
 * The CP's true state as its Monitor sees it, derived from two facts instead of stored: whether
 * the operator stopped it, and how its Engine is. An operator's stop outranks everything (a fault
 * does not make a stopped CP available again, nor the reverse). Confined to the Monitor's loop.
 */
final class LocalState {

    private boolean stoppedByOperator;
    private EngineHealth engineHealth = EngineHealth.unknown();

    /** Empty until the Engine's health is known, so that a Monitor just started reports no false fault. */
    Optional<ChargingPointState> status() {
        return stoppedByOperator ? Optional.of(ChargingPointState.STOPPED) : engineHealth.impliedState();
    }

    boolean stoppedByOperator() {
        return stoppedByOperator;
    }

    void stoppedByOperator(boolean stopped) {
        this.stoppedByOperator = stopped;
    }

    EngineHealth engineHealth() {
        return engineHealth;
    }

    void engineHealth(EngineHealth health) {
        this.engineHealth = health;
    }
}
