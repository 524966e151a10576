package org.evcharging.driver.facade.dto;

import java.util.List;

/**
 * The driver's current or last charge.
 *
 * @param kafkaTimestamp when the reading shown was produced to Kafka, so pages can tell push latency
 */
public record SessionDto(String cpId, String sessionId, String stage, String stageLabel, List<StepDto> steps,
                         String kwh, String kw, String cost, String elapsed, long kafkaTimestamp, boolean live,
                         boolean stoppable, TicketDto ticket) {
}
