package org.evcharging.agent.runtime;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One thread that owns a component's state: every event (a frame, a timer, a menu choice) runs
 * on it in turn, so the state needs no locks and events are handled in the order they came.
 * A task that throws is logged and the loop goes on; a periodic task keeps its schedule.
 */
public final class EventLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventLoop.class.getName());

    private final ScheduledExecutorService executor;
    private volatile Thread thread;

    public EventLoop(String name) {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /** Runs {@code task} soon; dropped (and logged) once the loop is closed. */
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "Event loop closed; dropping a task");
        }
    }

    /** Runs {@code task} once after {@code delay}; null once the loop is closed. */
    public ScheduledFuture<?> after(Duration delay, Runnable task) {
        try {
            return executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "Event loop closed; not scheduling a task");
            return null;
        }
    }

    /** Runs {@code task} every {@code period}, the first time after {@code initialDelay}; null once closed. */
    public ScheduledFuture<?> every(Duration initialDelay, Duration period, Runnable task) {
        try {
            return executor.scheduleAtFixedRate(guarded(task), initialDelay.toNanos(), period.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "Event loop closed; not scheduling a task");
            return null;
        }
    }

    /** Runs {@code task} on the loop and waits for its result; runs it directly when already on the loop. */
    public <T> T call(Callable<T> task) {
        if (Thread.currentThread() == thread) {
            try {
                return task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return executor.submit(task).get();
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The event loop is closed", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the event loop", e);
        }
    }

    public void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    /** Waits until the tasks queued so far have run; for an orderly shutdown. */
    public void drain(Duration timeout) {
        try {
            executor.submit(() -> { }).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.fine(() -> "Event loop did not drain: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "Unexpected failure in an event handler; carrying on", e);
            }
        };
    }
}
