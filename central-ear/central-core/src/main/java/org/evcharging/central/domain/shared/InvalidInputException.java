package org.evcharging.central.domain.shared;

/** What a caller sent cannot be used (a malformed id, a negative price or meter value). */
public final class InvalidInputException extends DomainException {

    public InvalidInputException(String message) {
        super(message);
    }
}
