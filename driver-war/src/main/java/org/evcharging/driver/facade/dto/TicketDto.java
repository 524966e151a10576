package org.evcharging.driver.facade.dto;

/** A session's final ticket: session, CP, start, end, kWh, total and how it ended. */
public record TicketDto(String sessionId, String cpId, String start, String end, String kwh, String cost,
                        String endedBy) {
}
