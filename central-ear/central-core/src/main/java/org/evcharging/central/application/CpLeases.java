package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.ownership.CpLease;
import org.evcharging.central.domain.model.ownership.CpLeaseRepository;
import org.evcharging.central.domain.shared.DomainException;

/**
 * The lease transactions. A change that depends on holding a lease (the DISCONNECTED written on a
 * lost link) commits together with the lease row, whose version makes a Central that lost the lease
 * meanwhile fail instead of overwriting its successor's facts.
 */
@ApplicationScoped
@RetryOnConflict
@Transactional(dontRollbackOn = DomainException.class)
public class CpLeases {

    @Inject
    CpLeaseRepository leases;

    @Inject
    ChargingPointService chargingPoints;

    Clock clock = Clock.systemUTC();

    /** True when {@code central} holds the CP's lease after this call (taken, or already its own). */
    public boolean acquire(CpId id, String central, Duration term) {
        long now = clock.millis();
        Optional<CpLease> current = leases.find(id);
        if (current.isEmpty()) {
            leases.add(CpLease.first(id, central, now, term));
            return true;
        }
        if (!current.get().mayBeTakenBy(central, now)) {
            return false;
        }
        current.get().takeBy(central, now, term);
        return true;
    }

    /**
     * {@link #acquire} for many CPs in one transaction; returns those {@code central} holds after it.
     * Fails as a whole when another Central wrote one of the rows at the same moment.
     */
    public List<CpId> acquireAll(List<CpId> ids, String central, Duration term) {
        return ids.stream().filter(id -> acquire(id, central, term)).toList();
    }

    /** Extends every lease {@code central} holds; returns the CPs it holds now. */
    public List<CpId> renew(String central, Duration term) {
        leases.renewAll(central, clock.millis() + term.toMillis());
        return leases.heldBy(central).stream().map(CpLease::cpId).toList();
    }

    /**
     * The Monitor link of a CP {@code central} holds is gone: the CP is DISCONNECTED and the lease
     * released, in one transaction. False, writing nothing, when {@code central} no longer holds it.
     */
    public boolean releaseAndDisconnect(CpId id, String central) {
        Optional<CpLease> lease = leases.find(id).filter(l -> l.isHeldBy(central));
        if (lease.isEmpty()) {
            return false;
        }
        leases.remove(lease.get());
        chargingPoints.linkLost(id);
        return true;
    }

    /**
     * A lease nobody renewed in time: its Central is gone (or cut off). The CP is DISCONNECTED and
     * the lease removed, as its holder would have done; false when it was renewed or taken meanwhile.
     */
    public boolean reap(CpId id) {
        Optional<CpLease> lease = leases.find(id).filter(l -> l.isExpired(clock.millis()));
        if (lease.isEmpty()) {
            return false;
        }
        leases.remove(lease.get());
        chargingPoints.linkLost(id);
        return true;
    }

    public List<CpId> expired() {
        return leases.expired(clock.millis()).stream().map(CpLease::cpId).toList();
    }

    /** Who holds which CP now (expired leases left out). */
    public Map<CpId, String> holders() {
        return leases.valid(clock.millis()).stream().collect(Collectors.toMap(CpLease::cpId, CpLease::centralId));
    }

    public Optional<String> holder(CpId id) {
        return leases.find(id).flatMap(l -> l.holder(clock.millis()));
    }
}
