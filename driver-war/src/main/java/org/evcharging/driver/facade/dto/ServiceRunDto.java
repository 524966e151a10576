package org.evcharging.driver.facade.dto;

import java.util.List;

/** A service list's progress. */
public record ServiceRunDto(List<ServiceItemDto> items, String summary, boolean done) {

    public record ServiceItemDto(String cpId, String state, String outcome) {
    }
}
