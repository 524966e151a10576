package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.LiveSession;
import org.evcharging.central.domain.model.session.MeterReading;
import org.evcharging.central.domain.shared.NotFoundException;

/**
 * What the operator reads (admin API, panel, console): charging points joined with their live
 * supply, and sessions with their live figures. Read-only; live figures come from memory because
 * the database receives readings in batches.
 */
@ApplicationScoped
public class OperatorQueries {

    @Inject
    ChargingPointService chargingPoints;

    @Inject
    SessionStore sessions;

    @Inject
    RunningSessions running;

    @Inject
    MonitorLinks links;

    @Inject
    Ownership ownership;


    /** Every CP, or only those in {@code state} when it is not null, ordered by id. */
    public List<ChargingPointStatus> chargingPoints(ChargingPointState state) {
        Map<CpId, String> holders = ownership.holders();
        // Supplies followed by other Centrals, read in one query rather than one per CP (the panel asks every second).
        Map<String, ChargingSession> elsewhere = holders.isEmpty() ? Map.of() : sessions.unfinished().stream()
                .collect(Collectors.toMap(ChargingSession::cpId, s -> s, (first, second) -> first));
        return chargingPoints.all().stream()
                .filter(cp -> state == null || cp.state() == state)
                .map(cp -> status(cp, holders.get(cp.id()), Optional.ofNullable(elsewhere.get(cp.id().value()))))
                .toList();
    }

    public ChargingPointStatus chargingPoint(CpId id) {
        ChargingPoint cp = chargingPoints.get(id);
        String central = ownership.holders().get(id);
        return status(cp, central, central == null ? Optional.empty() : sessions.unfinishedOn(id));
    }

    /** The most recent sessions first, at most {@code limit}. */
    public List<ChargingSession> sessions(int limit) {
        return sessions.all(limit);
    }

    public ChargingSession session(String sessionId) {
        return sessions.find(sessionId)
                .orElseThrow(() -> new NotFoundException("Charging session " + sessionId + " does not exist"));
    }

    /** The live figures of a session that is still running. */
    public Optional<LiveCharge> liveCharge(String sessionId) {
        return running.get(sessionId).map(OperatorQueries::live);
    }

    /**
     * {@code central}: who owns the CP, null with one Central. A CP another Central owns is connected
     * there, and its supply is read from the database (the figures of the last batch written).
     */
    private ChargingPointStatus status(ChargingPoint cp, String central, Optional<ChargingSession> unfinished) {
        Optional<MonitorLink> link = links.find(cp.id());
        boolean elsewhere = central != null && !central.equals(ownership.me());
        LiveCharge charge = running.onCp(cp.id()).map(OperatorQueries::live)
                .orElseGet(() -> elsewhere && cp.isSupplying() ? unfinished.map(OperatorQueries::saved).orElse(null) : null);
        return new ChargingPointStatus(cp, charge, link.isPresent() || elsewhere,
                link.map(l -> l.channel().protocolLabel()).orElse(null), central);
    }

    private static LiveCharge saved(ChargingSession session) {
        MeterReading reading = session.reading();
        return new LiveCharge(session.id(), session.driverId(), null, reading.energyKwh(), reading.cost(), session.hasStarted());
    }

    private static LiveCharge live(LiveSession session) {
        MeterReading reading = session.reading();
        return new LiveCharge(session.id(), session.driverId(), session.powerKw(), reading.energyKwh(), reading.cost(),
                session.isSupplying());
    }
}
