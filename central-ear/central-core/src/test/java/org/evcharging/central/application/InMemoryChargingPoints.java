package org.evcharging.central.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.ChargingPointRepository;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.chargingpoint.Registration;
import org.evcharging.central.domain.shared.NotFoundException;

/** The repository contract on a map: what the JPA one does on SQLite, without a container. */
final class InMemoryChargingPoints implements ChargingPointRepository {

    private final Map<String, ChargingPoint> byId = new TreeMap<>();
    private int reads;

    @Override
    public synchronized Optional<ChargingPoint> find(CpId id) {
        reads++;
        return Optional.ofNullable(byId.get(id.value()));
    }

    @Override
    public ChargingPoint get(CpId id) {
        return find(id).orElseThrow(() -> new NotFoundException("Charging point " + id + " not registered"));
    }

    /** How often a CP was looked up by id: on the database, each one is a query, most a transaction. */
    synchronized int reads() {
        return reads;
    }

    @Override
    public synchronized void add(ChargingPoint chargingPoint) {
        byId.put(chargingPoint.id().value(), chargingPoint);
    }

    @Override
    public synchronized void remove(ChargingPoint chargingPoint) {
        byId.remove(chargingPoint.id().value());
    }

    @Override
    public synchronized List<ChargingPoint> findAll() {
        return List.copyOf(byId.values());
    }

    @Override
    public List<ChargingPoint> loadAllAtStart() {
        return findAll();
    }

    @Override
    public synchronized List<ChargingPoint> findByRegistration(Registration registration) {
        return byId.values().stream().filter(cp -> cp.registration() == registration).toList();
    }
}
