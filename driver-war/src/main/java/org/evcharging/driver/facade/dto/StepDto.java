package org.evcharging.driver.facade.dto;

public record StepDto(String time, String kind, String text) {
}
