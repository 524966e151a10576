package org.evcharging.central.domain.model.chargingpoint;

import java.util.List;
import java.util.Optional;

/** Where charging points are kept. Callers run inside a transaction. */
public interface ChargingPointRepository {

    Optional<ChargingPoint> find(CpId id);

    /** The CP, or NotFoundException naming it. */
    ChargingPoint get(CpId id);

    void add(ChargingPoint chargingPoint);

    List<ChargingPoint> findAll();

    List<ChargingPoint> findByRegistration(Registration registration);

    /** Central (re)started: every known CP is DISCONNECTED until its Monitor connects. Returns how many. */
    int markAllDisconnected();
}
