package org.evcharging.central.domain.shared;

/**
 * Root of every rule violation Central reports to a caller (operator, driver, monitor). Each
 * subclass says which kind of refusal it is, so adapters map it in one place (HTTP status,
 * wire failure reply) without parsing messages.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
