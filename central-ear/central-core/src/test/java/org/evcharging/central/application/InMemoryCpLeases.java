package org.evcharging.central.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.ownership.CpLease;
import org.evcharging.central.domain.model.ownership.CpLeaseRepository;

/** The lease table shared by the Centrals of a test, in memory. */
final class InMemoryCpLeases implements CpLeaseRepository {

    private final Map<CpId, CpLease> rows = new ConcurrentHashMap<>();
    /** Runs at each row lookup: a test makes time pass there, as it does on a busy database. */
    Runnable eachLookup = () -> { };
    /** Runs before a row is inserted: a test writes the same row there, as another Central racing for it would. */
    java.util.function.Consumer<CpId> beforeAdd = id -> { };

    @Override
    public Optional<CpLease> find(CpId cpId) {
        eachLookup.run();
        return Optional.ofNullable(rows.get(cpId));
    }

    @Override
    public void add(CpLease lease) {
        beforeAdd.accept(lease.cpId());
        if (rows.putIfAbsent(lease.cpId(), lease) != null) {
            throw new IllegalStateException("duplicate key " + lease.cpId());
        }
    }

    @Override
    public void remove(CpLease lease) {
        rows.remove(lease.cpId(), lease);
    }

    @Override
    public int renewAll(String centralId, long untilMillis) {
        List<CpLease> mine = heldBy(centralId);
        // As the SQL UPDATE does, whatever the lease's state: the holder's own row.
        mine.forEach(lease -> lease.takeBy(centralId, untilMillis - 1, java.time.Duration.ofMillis(1)));
        return mine.size();
    }

    @Override
    public List<CpLease> heldBy(String centralId) {
        return rows.values().stream().filter(l -> l.isHeldBy(centralId)).toList();
    }

    @Override
    public List<CpLease> expired(long nowMillis) {
        return rows.values().stream().filter(l -> l.isExpired(nowMillis)).toList();
    }

    @Override
    public List<CpLease> valid(long nowMillis) {
        return rows.values().stream().filter(l -> !l.isExpired(nowMillis)).toList();
    }
}
