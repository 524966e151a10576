package org.evcharging.central.interfaces.rest;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.shared.InvalidInputException;

/** A CP as the operator registers it, or its new details ({@code id} then comes from the path). */
@Schema(name = "RegistryEntry", description = "{\"id\": \"cp_042\", \"location\": \"Parking A\", \"price_per_kwh\": 0.30}")
public record RegistryEntry(String id, @Schema(required = true) String location,
                            @Schema(required = true) BigDecimal pricePerKwh,
                            @Schema(description = "Admit by id alone, issue no credential (first-implementation Monitors)")
                            Boolean legacy) {

    static RegistryEntry required(RegistryEntry entry) {
        if (entry == null) {
            throw new InvalidInputException("A JSON body {\"id\", \"location\", \"price_per_kwh\"} is required");
        }
        if (entry.location == null || entry.location.isBlank() || entry.pricePerKwh == null) {
            throw new InvalidInputException("'location' and 'price_per_kwh' are required");
        }
        return entry;
    }

    CpId cpId() {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("'id' is required");
        }
        return CpId.of(id.strip());
    }

    boolean isLegacy() {
        return Boolean.TRUE.equals(legacy);
    }
}
