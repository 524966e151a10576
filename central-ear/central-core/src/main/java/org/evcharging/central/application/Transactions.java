package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

import org.evcharging.central.domain.shared.DomainException;

/** A transaction around units of work that would each have been one: what {@link GroupCommit} commits at once. */
@ApplicationScoped
@RetryOnConflict
@Transactional(dontRollbackOn = DomainException.class)
public class Transactions {

    public void inOne(List<? extends Runnable> units) {
        units.forEach(Runnable::run);
    }
}
