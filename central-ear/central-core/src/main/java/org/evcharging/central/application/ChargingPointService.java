package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.security.PayloadSignature;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.ChargingPointRepository;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.chargingpoint.Registration;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.DomainException;

/**
 * Registration, authorization and state of charging points. Each method is one transaction;
 * every committed change is announced as a {@link ChargingPointChanged} event (panel, logs).
 * A refusal does not undo what led to it: a CP refused registration is still recorded as pending.
 */
@ApplicationScoped
@RetryOnConflict
@Transactional(dontRollbackOn = DomainException.class)
public class ChargingPointService {

    @Inject
    ChargingPointRepository repository;

    @Inject
    CentralSettings settings;

    @Inject
    Event<ChargingPointChanged> changes;

    @Inject
    NewcomerGate newcomers;

    Clock clock = Clock.systemUTC();

    /**
     * A CP asks to join: the known CP, or a newcomer recorded as pending (authorized and legacy when
     * the network authorizes newcomers). Unknown ids from {@code source} pass the {@link NewcomerGate}.
     */
    public ChargingPoint knownOrNewcomer(CpId id, String source) {
        return repository.find(id).orElseGet(() -> newcomer(id, source));
    }

    /**
     * Its Monitor registers. A CP never authorized cannot register (quirk 10.12); it is recorded as
     * pending so the operator sees it. A CP that has a credential registers only on a connection
     * that presented it ({@code credentialProven}). Returns true for the CP's very first registration.
     */
    public boolean register(CpId id, String location, BigDecimal pricePerKwh, String source, boolean credentialProven) {
        ChargingPoint cp = repository.find(id).orElseGet(() -> newcomer(id, source));
        if (cp.isAuthorized() && !cp.isLegacy() && !credentialProven) {
            throw new ConflictException("Charging point " + id + " must authenticate with its credential on this connection first");
        }
        boolean first = cp.register(location, pricePerKwh, clock.millis());
        changed(cp);
        return first;
    }

    public Optional<ChargingPoint> find(CpId id) {
        return repository.find(id);
    }

    public ChargingPoint get(CpId id) {
        return repository.get(id);
    }

    public List<ChargingPoint> all() {
        return repository.findAll();
    }

    /** The CPs a driver may charge at now. */
    public List<ChargingPoint> available() {
        return repository.findAll().stream().filter(ChargingPoint::acceptsCharge).toList();
    }

    public List<ChargingPoint> pending() {
        return repository.findByRegistration(Registration.PENDING);
    }

    /** Lets a pending CP in: with the hash of its new credential, or by id alone when {@code credentialHash} is null. */
    public ChargingPoint authorize(CpId id, String credentialHash) {
        return update(id, cp -> {
            cp.authorize();
            if (credentialHash == null) {
                cp.legacy(true);
            } else {
                cp.credentialIssued(credentialHash);
            }
        });
    }

    /**
     * The operator registers a CP in the registry, which authorizes it: a new one, or one waiting in
     * the pending list. A CP already authorized is refused: its details are changed with {@link #setDetails}.
     */
    public ChargingPoint registerByOperator(CpId id, String location, BigDecimal pricePerKwh, String credentialHash) {
        Optional<ChargingPoint> known = repository.find(id);
        if (known.isPresent() && known.get().isAuthorized()) {
            throw new ConflictException("Charging point " + id + " is already registered");
        }
        ChargingPoint cp = known.orElseGet(() -> {
            ChargingPoint created = ChargingPoint.registeredByOperator(id, location, pricePerKwh, clock.millis());
            repository.add(created);
            return created;
        });
        cp.operatorSets(location, pricePerKwh);
        if (credentialHash == null) {
            cp.admittedByIdAlone();
        } else {
            cp.credentialIssued(credentialHash);
        }
        return changed(cp);
    }

    public ChargingPoint setDetails(CpId id, String location, BigDecimal pricePerKwh) {
        return update(id, cp -> cp.operatorSets(location, pricePerKwh));
    }

    /** A new credential replaces the CP's previous one (which no longer admits anybody). */
    public ChargingPoint credentialIssued(CpId id, String credentialHash) {
        return update(id, cp -> cp.credentialIssued(credentialHash));
    }

    public ChargingPoint credentialRevoked(CpId id) {
        return update(id, ChargingPoint::credentialRevoked);
    }

    public ChargingPoint payloadKeyIssued(CpId id, PayloadSignature.Key key) {
        return update(id, cp -> cp.payloadKeyIssued(key));
    }

    public ChargingPoint payloadKeyRevoked(CpId id) {
        return update(id, ChargingPoint::payloadKeyRevoked);
    }

    public ChargingPoint legacy(CpId id, boolean idOnly) {
        return update(id, cp -> cp.legacy(idOnly));
    }

    /** The CP leaves the network: its row goes, its sessions' history stays. Refused while it supplies. */
    public ChargingPoint deregister(CpId id) {
        ChargingPoint cp = repository.get(id);
        if (cp.isSupplying()) {
            throw new ConflictException("Charging point " + id + " is supplying a charge: stop it first");
        }
        repository.remove(cp);
        return cp;
    }

    /** The operator's location and price for a CP (null keeps a value); a course CP's own registration overrides them. */
    public ChargingPoint describe(CpId id, String location, BigDecimal pricePerKwh) {
        return update(id, cp -> cp.describe(location, pricePerKwh));
    }

    public void linkLost(CpId id) {
        repository.find(id).ifPresent(cp -> {
            cp.linkLost(clock.millis());
            changed(cp);
        });
    }

    /** Its Monitor's link, already registered, counts from now (the CP's lease came to this Central). */
    public void monitorConnected(CpId id) {
        repository.find(id).ifPresent(cp -> {
            cp.linkRegained(clock.millis());
            changed(cp);
        });
    }

    /** As {@link #monitorConnected(CpId)} for many CPs, in one transaction: a take-over after a Central died. */
    public void monitorsConnected(List<CpId> ids) {
        ids.forEach(this::monitorConnected);
    }

    /** The Engine is healthy again (recovery, or an ACTIVE/CHARGING status report). */
    public ChargingPoint engineRecovered(CpId id) {
        return update(id, ChargingPoint::engineRecovered);
    }

    public ChargingPoint stop(CpId id) {
        return update(id, ChargingPoint::stopByOperator);
    }

    public ChargingPoint resume(CpId id) {
        return update(id, ChargingPoint::resumeByOperator);
    }

    /** Which CPs are affected by an operator's "all" command. */
    public List<ChargingPoint> stoppable() {
        return all().stream().filter(cp -> !cp.isOperatorStopped() && cp.isAuthorized()).toList();
    }

    public List<ChargingPoint> resumable() {
        return all().stream().filter(ChargingPoint::isOperatorStopped).toList();
    }

    /** Counts of CPs by state, for the statistics. */
    public Map<ChargingPointState, Long> countByState() {
        Map<ChargingPointState, Long> byState = new EnumMap<>(ChargingPointState.class);
        for (ChargingPointState state : ChargingPointState.values()) {
            byState.put(state, 0L);
        }
        all().forEach(cp -> byState.merge(cp.state(), 1L, Long::sum));
        return byState;
    }

    private ChargingPoint newcomer(CpId id, String source) {
        if (!settings.autoAuthorize()) {
            newcomers.admit(source, repository.findByRegistration(Registration.PENDING).size());
        }
        ChargingPoint cp = ChargingPoint.firstSeen(id, settings.autoAuthorize(), clock.millis());
        repository.add(cp);
        return changed(cp);
    }

    private ChargingPoint update(CpId id, Consumer<ChargingPoint> change) {
        ChargingPoint cp = repository.get(id);
        change.accept(cp);
        return changed(cp);
    }

    private ChargingPoint changed(ChargingPoint cp) {
        changes.fire(ChargingPointChanged.of(cp));
        return cp;
    }
}
