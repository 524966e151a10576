package org.evcharging.central.domain.shared;

/** The thing asked for does not exist (unknown CP, unknown session). */
public final class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }
}
