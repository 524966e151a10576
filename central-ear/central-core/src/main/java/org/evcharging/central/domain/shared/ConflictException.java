package org.evcharging.central.domain.shared;

/** The action is not allowed in the current state (resume a CP that is not stopped, authorize twice). */
public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}
