package org.evcharging.driver.portal;

/** What a {@link DriverAccount} needs from its surroundings: announcing changes and timing services. */
interface AccountEvents {

    void changed(DriverAccount account);

    long servicePauseMs();

    void schedule(Runnable task, long delayMs);
}
