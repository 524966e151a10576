package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.ChargingPointRepository;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.chargingpoint.Registration;
import org.evcharging.central.domain.shared.DomainException;
import org.evcharging.central.infrastructure.config.CentralConfig;

/**
 * Registration, authorization and state of charging points. Each method is one transaction;
 * every committed change is announced as a {@link ChargingPointChanged} event (panel, logs).
 * A refusal does not undo what led to it: a CP refused registration is still recorded as pending.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = DomainException.class)
public class ChargingPointService {

    /** What Central answers a Monitor that authenticates. */
    public enum Authentication { AUTHORIZED, PENDING }

    @Inject
    ChargingPointRepository repository;

    @Inject
    CentralConfig config;

    @Inject
    Event<ChargingPointChanged> changes;

    Clock clock = Clock.systemUTC();

    /** A CP asks to join: known and authorized → in; otherwise it waits (as a persisted pending CP). */
    public Authentication authenticate(CpId id) {
        ChargingPoint cp = repository.find(id).orElseGet(() -> newcomer(id));
        return cp.isAuthorized() ? Authentication.AUTHORIZED : Authentication.PENDING;
    }

    /**
     * Its Monitor registers. A CP never authorized cannot register (quirk 10.12); it is recorded as
     * pending so the operator sees it.
     */
    public Registered register(CpId id, String location, BigDecimal pricePerKwh) {
        ChargingPoint cp = repository.find(id).orElseGet(() -> newcomer(id));
        boolean first = cp.register(location, pricePerKwh, clock.millis());
        return new Registered(changed(cp), first);
    }

    /** A registration's outcome: the CP and whether it was its very first. */
    public record Registered(ChargingPoint chargingPoint, boolean first) {
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

    public List<ChargingPoint> pending() {
        return repository.findByRegistration(Registration.PENDING);
    }

    public ChargingPoint authorize(CpId id) {
        return update(id, ChargingPoint::authorize);
    }

    public void linkLost(CpId id) {
        repository.find(id).ifPresent(cp -> {
            cp.linkLost(clock.millis());
            changed(cp);
        });
    }

    /** A {@code status_update} from the Monitor: only the Engine's health is taken from it. */
    public ChargingPoint reportStatus(CpId id, ChargingPointState reported) {
        return update(id, cp -> {
            switch (reported) {
                case FAULTY -> cp.engineFailed();
                case ACTIVE, CHARGING -> cp.engineRecovered();
                // STOPPED and DISCONNECTED are Central's own decisions, never a Monitor's.
                case STOPPED, DISCONNECTED -> { }
            }
        });
    }

    public ChargingPoint reportFault(CpId id) {
        return update(id, ChargingPoint::engineFailed);
    }

    public ChargingPoint reportRecovery(CpId id) {
        return update(id, ChargingPoint::engineRecovered);
    }

    public ChargingPoint stop(CpId id) {
        return update(id, ChargingPoint::stopByOperator);
    }

    public ChargingPoint resume(CpId id) {
        return update(id, ChargingPoint::resumeByOperator);
    }

    /** Central (re)started: every known CP is shown DISCONNECTED until its Monitor connects. */
    public int markAllDisconnected() {
        return repository.markAllDisconnected();
    }

    private ChargingPoint newcomer(CpId id) {
        ChargingPoint cp = ChargingPoint.firstSeen(id, config.autoAuthorize(), clock.millis());
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
