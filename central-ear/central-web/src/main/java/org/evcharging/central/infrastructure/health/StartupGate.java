package org.evcharging.central.infrastructure.health;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Opens once every start-up step has run (CPs loaded, sessions followed again, Monitor gateway
 * listening): it observes last. Kafka's consumers may be handed records before that, queued while
 * Central was down; acting on them earlier would judge CPs by the state of the previous run.
 */
@ApplicationScoped
public class StartupGate {

    private final CountDownLatch open = new CountDownLatch(1);

    void onStart(@Observes @Priority(Integer.MAX_VALUE) Startup event) {
        open.countDown();
    }

    public boolean isOpen() {
        return open.getCount() == 0;
    }

    /** Waits until Central has started; false when {@code limit} passed first. */
    public boolean awaitOpen(Duration limit) throws InterruptedException {
        return open.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
