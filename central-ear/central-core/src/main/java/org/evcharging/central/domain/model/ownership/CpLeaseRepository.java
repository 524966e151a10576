package org.evcharging.central.domain.model.ownership;

import java.util.List;
import java.util.Optional;

import org.evcharging.central.domain.model.chargingpoint.CpId;

/** The CPs' leases, in the database every Central shares. */
public interface CpLeaseRepository {

    Optional<CpLease> find(CpId cpId);

    void add(CpLease lease);

    void remove(CpLease lease);

    /** Extends every lease {@code centralId} holds to {@code untilMillis} in one statement; how many. */
    int renewAll(String centralId, long untilMillis);

    List<CpLease> heldBy(String centralId);

    List<CpLease> expired(long nowMillis);

    List<CpLease> valid(long nowMillis);
}
