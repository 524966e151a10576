package org.evcharging.driver.facade.dto;

import java.util.List;

/** Everything a driver's pages show, pushed whole to the browser on each change. */
public record PortalSnapshotDto(String driverId, boolean centralReachable, String centralMessage,
                                List<ChargingPointDto> points, SessionDto session, List<TicketDto> tickets,
                                ServiceRunDto services) {
}
