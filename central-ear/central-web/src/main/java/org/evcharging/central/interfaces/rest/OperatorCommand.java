package org.evcharging.central.interfaces.rest;

import org.evcharging.central.domain.shared.InvalidInputException;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operator action as the design's console states it: an action and a CP id or "all". */
@Schema(name = "OperatorCommand", description = "{\"action\": \"stop\", \"target\": \"cp_001\"} or target \"all\"")
public record OperatorCommand(@Schema(required = true, enumeration = {"authorize", "stop", "resume"}) String action,
                              @Schema(required = true, description = "A CP id, or 'all'") String target) {

    /** The three actions of the admin menu (8, 9, 10). */
    enum Action { AUTHORIZE, STOP, RESUME }

    Action parsedAction() {
        if (action == null || target == null || target.isBlank()) {
            throw new InvalidInputException("A command needs 'action' (authorize, stop, resume) and 'target' (a CP id or 'all')");
        }
        for (Action known : Action.values()) {
            if (known.name().equalsIgnoreCase(action.strip())) {
                return known;
            }
        }
        throw new InvalidInputException("Unknown action '" + action + "': use authorize, stop or resume");
    }

    boolean targetsAll() {
        return "all".equalsIgnoreCase(target.strip());
    }
}
