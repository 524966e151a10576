package org.evcharging.driver.portal;

import java.util.UUID;

import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.AvailableCpsRequest;
import org.evcharging.api.message.driver.AvailableCpsResponse;
import org.evcharging.api.message.driver.ConnectionError;

/**
 * Asks Central for the available points at a steady pace under the portal's own driver id. The
 * answers keep the point list live; their absence is how the portal learns Central is gone, and
 * their return that it is back.
 */
final class CentralWatch {

    private final String probeId = "portal-" + UUID.randomUUID();
    private final ChargingPointCatalog catalog;
    private long oldestUnansweredAt;
    private boolean goneByNotice;

    CentralWatch(ChargingPointCatalog catalog) {
        this.catalog = catalog;
    }

    String probeId() {
        return probeId;
    }

    synchronized WireMessage nextProbe(long now) {
        if (oldestUnansweredAt == 0) {
            oldestUnansweredAt = now;
        }
        return AvailableCpsRequest.of(probeId);
    }

    /** Returns true if the point list changed. */
    synchronized boolean onAnswer(WireMessage message) {
        if (message instanceof AvailableCpsResponse response) {
            oldestUnansweredAt = 0;
            goneByNotice = false;
            return response.chargingPoints() != null && catalog.update(response.chargingPoints());
        }
        return false;
    }

    /** Central says it is shutting down: believe it before the probes time out. */
    synchronized void onNotice(ConnectionError notice) {
        goneByNotice = true;
    }

    synchronized boolean silent(long now, long timeoutMs) {
        return goneByNotice || (oldestUnansweredAt != 0 && now - oldestUnansweredAt >= timeoutMs);
    }
}
