package org.evcharging.central.domain.shared;

/**
 * The one root of every refusal Central gives a caller (operator, driver, Monitor). Each subclass
 * says which kind of refusal it is, so each adapter maps it in one place (HTTP status, wire failure
 * reply, Kafka failure response) without parsing messages. Anything else thrown is a bug and is
 * answered as an internal error without its details.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ConflictException, InvalidInputException {

    protected DomainException(String message) {
        super(message);
    }
}
