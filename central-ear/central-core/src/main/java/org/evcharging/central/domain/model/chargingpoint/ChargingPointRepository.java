package org.evcharging.central.domain.model.chargingpoint;

import java.util.List;
import java.util.Optional;

/** Where charging points are kept. Callers run inside a transaction. */
public interface ChargingPointRepository {

    Optional<ChargingPoint> find(CpId id);

    /** The CP, or NotFoundException naming it. */
    ChargingPoint get(CpId id);

    void add(ChargingPoint chargingPoint);

    /** The CP leaves the network (deregistered by the operator). */
    void remove(ChargingPoint chargingPoint);

    List<ChargingPoint> findAll();

    /** Every CP, for Central's start: rows written by an older version are brought up to date first. */
    List<ChargingPoint> loadAllAtStart();

    List<ChargingPoint> findByRegistration(Registration registration);

}
