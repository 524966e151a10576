package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;

import org.evcharging.central.domain.model.chargingpoint.CpId;

/** Charging sessions: how CP events end the supply in progress. */
@ApplicationScoped
public class SessionService {

    /** The Engine failed: a supply in progress on this CP ends with the energy metered so far. */
    public void engineFailed(CpId cpId) {
        // No session can be running before charging sessions are accepted.
    }

    /** An operator stopped the CP: a supply in progress on it ends. */
    public void operatorStopped(CpId cpId) {
        // No session can be running before charging sessions are accepted.
    }

    /** The Monitor is gone: a supply in progress on this CP ends. */
    public void monitorLost(CpId cpId) {
        // No session can be running before charging sessions are accepted.
    }
}
