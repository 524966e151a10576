package org.evcharging.driver.portal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.evcharging.api.message.driver.AvailableCp;

/**
 * The charging points drivers have been offered. Central lists only the ones free to charge
 * (§4.3); a point that drops out of the list stays shown, as unavailable, so the list does not
 * jump around while a point is busy or out of order.
 */
public final class ChargingPointCatalog {

    /** A known point; {@code state} is Central's wire state, or null when it is not offered now. */
    public record Entry(String id, String location, Double pricePerKwh, String state) {
    }

    private final Map<String, Entry> byId = new TreeMap<>();

    synchronized boolean update(List<AvailableCp> offered) {
        Map<String, Entry> next = new TreeMap<>();
        byId.forEach((id, e) -> next.put(id, new Entry(id, e.location(), e.pricePerKwh(), null)));
        offered.forEach(cp -> next.put(cp.id(), new Entry(cp.id(), cp.location(), cp.pricePerKwh(), cp.status())));
        boolean changed = !next.equals(byId);
        byId.clear();
        byId.putAll(next);
        return changed;
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(byId.values());
    }
}
