package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

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


    /** Every CP, or only those in {@code state} when it is not null, ordered by id. */
    public List<ChargingPointStatus> chargingPoints(ChargingPointState state) {
        List<ChargingPointStatus> all = chargingPoints.all().stream()
                .filter(cp -> state == null || cp.state() == state)
                .map(this::status).toList();
        return all;
    }

    public ChargingPointStatus chargingPoint(CpId id) {
        return status(chargingPoints.get(id));
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

    private ChargingPointStatus status(ChargingPoint cp) {
        Optional<MonitorLink> link = links.find(cp.id());
        return new ChargingPointStatus(cp, running.onCp(cp.id()).map(OperatorQueries::live).orElse(null),
                link.isPresent(), link.map(l -> l.channel().protocolLabel()).orElse(null));
    }

    private static LiveCharge live(LiveSession session) {
        MeterReading reading = session.reading();
        return new LiveCharge(session.id(), session.driverId(), session.powerKw(), reading.energyKwh(), reading.cost(),
                session.isSupplying());
    }
}
