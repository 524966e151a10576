package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.evcharging.api.security.PayloadSignature.Key;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;

/**
 * What each CP's Kafka records must carry — nothing (legacy) or a signature with its current key —
 * kept in memory: every Engine record is checked, and a database transaction per record starved
 * SQLite's single connection under a telemetry flood. An entry is dropped when its CP changes here
 * and ages out after {@link CentralSettings#signingRulesTtl()}, which bounds how long a change made
 * by another Central goes unseen.
 */
@ApplicationScoped
public class SigningRules {

    /** The rule for one CP; {@code key} empty for a CP that must sign but holds no key now. */
    public record Rule(boolean mustSign, Optional<Key> key) {

        static Rule of(ChargingPoint cp) {
            return new Rule(cp.mustSignRecords(), cp.payloadKey());
        }
    }

    private record Entry(Rule rule, long loadedAtNanos) {
    }

    @Inject
    ChargingPointService chargingPoints;

    @Inject
    CentralSettings settings;

    LongSupplier nanoTime = System::nanoTime;

    private final ConcurrentMap<CpId, Entry> entries = new ConcurrentHashMap<>();
    // A load that overlapped a change must not put the rule it read before that change back.
    private final AtomicLong changes = new AtomicLong();

    /** The CP's rule; empty for a CP Central does not know. */
    public Optional<Rule> of(CpId id) {
        long now = nanoTime.getAsLong();
        Entry cached = entries.get(id);
        if (cached != null && now - cached.loadedAtNanos() < settings.signingRulesTtl().toNanos()) {
            return Optional.of(cached.rule());
        }
        long seen = changes.get();
        Optional<Rule> loaded = chargingPoints.find(id).map(Rule::of);
        if (loaded.isPresent() && changes.get() == seen) {
            entries.put(id, new Entry(loaded.get(), now));
        }
        return loaded;
    }

    /** The CP changed (key issued or revoked, legacy flag, deregistration): read it again next time. */
    public void forget(CpId id) {
        changes.incrementAndGet();
        entries.remove(id);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) ChargingPointChanged change) {
        forget(CpId.of(change.cpId()));
    }
}
