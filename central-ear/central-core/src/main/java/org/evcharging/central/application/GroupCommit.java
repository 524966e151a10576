package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.evcharging.central.domain.shared.DomainException;

/**
 * Runs the small units of work of many callers in one transaction (group commit). When thousands
 * of Monitors register at once, the database's one writer, not the work, sets the pace: one commit
 * for a batch of them instead of one each. No thread of its own: the first caller that finds no
 * batch running leads one — everything queued by then — while the others wait for their outcome.
 * A caller alone is served at once, as by a transaction of its own.
 *
 * <p>A domain refusal belongs to its unit only: it is returned to that caller and the batch commits.
 * Any other failure rolls the batch back, and its units are run again one transaction each, so one
 * bad unit cannot fail its neighbours.
 */
@ApplicationScoped
public class GroupCommit {

    static final int MAX_BATCH = 200;


    @Inject
    Transactions transactions;

    private final Queue<Unit<?>> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition batchDone = lock.newCondition();
    private boolean leading;

    /** Runs {@code work} in a transaction, most likely shared with other callers'; returns its result or throws its failure. */
    public <T> T run(Supplier<T> work) {
        Unit<T> unit = new Unit<>(work);
        queued.add(unit);
        lock.lock();
        try {
            while (!unit.done) {
                if (leading) {
                    batchDone.awaitUninterruptibly();
                    continue;
                }
                leading = true;
                lock.unlock();
                try {
                    runBatch();
                } finally {
                    lock.lock();
                    leading = false;
                    batchDone.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        return unit.outcome();
    }

    /** Units waiting for a transaction (for tests and diagnostics). */
    int queuedCount() {
        return queued.size();
    }

    private void runBatch() {
        List<Unit<?>> batch = new ArrayList<>();
        Unit<?> next;
        while (batch.size() < MAX_BATCH && (next = queued.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }

        try {
            transactions.inOne(batch);
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).failed(batchFailed);
            } else {
                batch.forEach(this::alone);
            }
        }
        // Outcomes are published under the lock the waiting callers read them under.
        lock.lock();
        try {
            batch.forEach(Unit::finish);
        } finally {
            lock.unlock();
        }
    }

    private void alone(Unit<?> unit) {
        try {
            transactions.inOne(List.of(unit));
        } catch (RuntimeException failed) {
            unit.failed(failed);
        }
    }

    /** One caller's work and, once its batch committed (or not), what came of it. */
    static final class Unit<T> implements Runnable {

        private final Supplier<T> work;
        private T result;
        private RuntimeException failure;
        private boolean done;

        Unit(Supplier<T> work) {
            this.work = work;
        }

        /** Runs in the batch's transaction; may run again (a retried or split batch), each time from scratch. */
        @Override
        public void run() {
            try {
                result = work.get();
                failure = null;
            } catch (DomainException refusal) {
                result = null;
                failure = refusal;
            }
        }

        void failed(RuntimeException e) {
            result = null;
            failure = e;
        }

        void finish() {
            done = true;
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
