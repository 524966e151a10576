package org.evcharging.agent;

/** A started Engine or Monitor: it runs until closed, cleanly, from any thread. */
public interface RunningAgent extends AutoCloseable {

    /** Blocks until {@link #close()} has finished. */
    void awaitStopped() throws InterruptedException;

    @Override
    void close();
}
