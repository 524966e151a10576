package org.evcharging.central.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evcharging.central.domain.shared.InvalidInputException;

/** {"legacy": true}: the CP is admitted by its id alone. */
@Schema(name = "LegacySetting")
public record LegacySetting(@Schema(required = true) Boolean legacy) {

    boolean required() {
        if (legacy == null) {
            throw new InvalidInputException("A JSON body {\"legacy\": true|false} is required");
        }
        return legacy;
    }
}
