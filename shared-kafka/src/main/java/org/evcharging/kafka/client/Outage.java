package org.evcharging.kafka.client;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Says once that Kafka stopped answering and once that it is back: a broker away for minutes
 * would otherwise write a line for every record or poll, and hide everything else in the log.
 */
final class Outage {

    private final Logger log;
    private final String what;
    private final AtomicBoolean down = new AtomicBoolean();

    Outage(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    void failed(Throwable cause, Supplier<String> consequence) {
        if (down.compareAndSet(false, true)) {
            log.warning(() -> what + " is not answering (" + cause + "); " + consequence.get());
        }
    }

    void succeeded(Supplier<String> consequence) {
        if (down.compareAndSet(true, false)) {
            log.info(() -> what + " answers again; " + consequence.get());
        }
    }

    boolean isDown() {
        return down.get();
    }
}
