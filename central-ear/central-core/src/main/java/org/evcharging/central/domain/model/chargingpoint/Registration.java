package org.evcharging.central.domain.model.chargingpoint;

/** Whether an operator has let this CP into the network. Only AUTHORIZED CPs may register and charge. */
public enum Registration {
    PENDING,
    AUTHORIZED
}
