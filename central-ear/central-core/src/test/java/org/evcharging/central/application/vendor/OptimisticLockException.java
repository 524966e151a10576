package org.evcharging.central.application.vendor;

/** Stands for a provider's own optimistic-lock exception (EclipseLink's, Hibernate's), not a JPA subclass. */
public class OptimisticLockException extends RuntimeException {

    public OptimisticLockException(String message) {
        super(message);
    }
}
