package org.evcharging.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A point in time that blocking steps must not outlast. */
final class Deadline {

    private final long nanos;

    private Deadline(long nanos) {
        this.nanos = nanos;
    }

    static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
    }

    /** At least one millisecond, for APIs that read zero as "no limit". */
    int remainingMillis() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, remaining().toMillis()));
    }

    /**
     * Runs the step on a daemon thread and waits for it until the deadline. The thread is never
     * interrupted: Kafka takes an interrupted startup for a fatal fault and halts the JVM.
     *
     * @return the still-running task if the deadline passed first, {@code null} if it finished
     * @throws ExecutionException if the step failed
     */
    FutureTask<Void> runUntil(String threadName, Runnable step) throws ExecutionException, InterruptedException {
        FutureTask<Void> task = inDaemonThread(threadName, step);
        try {
            task.get(remaining().toNanos(), TimeUnit.NANOSECONDS);
            return null;
        } catch (TimeoutException e) {
            return task;
        }
    }

    static FutureTask<Void> inDaemonThread(String threadName, Runnable step) {
        FutureTask<Void> task = new FutureTask<>(step, null);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        return task;
    }
}
