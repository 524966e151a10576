package org.evcharging.central.application;

/** Does what a {@link CpCommand} asks, on the Central that owns its CP. */
public interface CpCommandApplier {

    /**
     * {@code late}: kept while this Central waited for the CP's lease, its target then being another
     * Central that may have applied it before it died; what was already done must not be done twice.
     */
    void apply(CpCommand command, boolean late);
}
