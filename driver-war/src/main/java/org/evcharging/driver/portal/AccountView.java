package org.evcharging.driver.portal;

import java.util.List;

/** An immutable picture of one driver's portal state, for the facade to turn into DTOs. */
public record AccountView(String driverId, boolean centralSilent, SessionView session, List<Ticket> tickets,
                          ServicesView services) {

    /** The driver's latest charge request, or null if none in this portal's memory. */
    public record SessionView(String cpId, String sessionId, String stage, List<Step> steps, double energyKwh,
                              double cost, double powerKw, long elapsedMs, long lastKafkaTimestamp, boolean live,
                              boolean stoppable, boolean metered, Ticket ticket) {
    }

    /** A service list's progress, or null if none was started. */
    public record ServicesView(List<ServiceItem> items, int finished, long pauseLeftMs, boolean done) {
    }

    public record ServiceItem(String cpId, String state, String outcome) {
    }
}
