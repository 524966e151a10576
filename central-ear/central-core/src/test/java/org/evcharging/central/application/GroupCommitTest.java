package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.evcharging.central.domain.shared.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many callers' units of work, one transaction; each caller gets its own outcome. */
class GroupCommitTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    /** Counts transactions and what each held; the first one can be held open to let others queue behind it. */
    private static final class CountingTransactions extends Transactions {
        final List<Integer> sizes = new CopyOnWriteArrayList<>();
        final CountDownLatch firstHeld = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        volatile RuntimeException failBatchesOfMoreThanOne;

        @Override
        public void inOne(List<? extends Runnable> units) {
            sizes.add(units.size());
            if (sizes.size() == 1) {
                firstHeld.countDown();
                await(releaseFirst);
            }
            super.inOne(units);
            if (failBatchesOfMoreThanOne != null && units.size() > 1) {
                throw failBatchesOfMoreThanOne; // as a failed commit: the batch's work is undone
            }
        }
    }

    private final CountingTransactions transactions = new CountingTransactions();
    private final GroupCommit commits = new GroupCommit();
    private final ExecutorService callers = Executors.newFixedThreadPool(12);

    GroupCommitTest() {
        commits.transactions = transactions;
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void aCallerAloneGetsItsOwnTransactionAtOnce() {
        transactions.releaseFirst.countDown();

        assertThat(commits.run(() -> "registered")).isEqualTo("registered");
        assertThat(transactions.sizes).containsExactly(1);
    }

    @Test
    void callersArrivingWhileATransactionRunsShareTheNextOne() throws Exception {
        Future<String> first = callers.submit(() -> commits.run(() -> "cp_0"));
        await(transactions.firstHeld);
        List<Future<String>> queued = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String id = "cp_" + i;
            queued.add(callers.submit(() -> commits.run(() -> id)));
        }
        waitUntilQueued(10);
        transactions.releaseFirst.countDown();

        assertThat(first.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("cp_0");
        for (int i = 1; i <= 10; i++) {
            assertThat(queued.get(i - 1).get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("cp_" + i);
        }
        assertThat(transactions.sizes).containsExactly(1, 10);
    }

    @Test
    void aRefusalReachesOnlyItsCallerAndTheBatchCommits() throws Exception {
        Future<String> first = callers.submit(() -> commits.run(() -> "cp_0"));
        await(transactions.firstHeld);
        Future<String> refused = callers.submit(() -> commits.run(() -> {
            throw new ConflictException("Charging point cp_1 not yet authorized");
        }));
        Future<String> accepted = callers.submit(() -> commits.run(() -> "cp_2"));
        waitUntilQueued(2);
        transactions.releaseFirst.countDown();

        assertThat(first.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("cp_0");
        assertThat(accepted.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("cp_2");
        assertThatThrownBy(() -> refused.get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConflictException.class).hasMessageContaining("not yet authorized");
        assertThat(transactions.sizes).containsExactly(1, 2);
    }

    @Test
    void aBatchThatFailsToCommitIsRunAgainOneTransactionPerCaller() throws Exception {
        transactions.failBatchesOfMoreThanOne = new IllegalStateException("database is locked");
        Future<String> first = callers.submit(() -> commits.run(() -> "cp_0"));
        await(transactions.firstHeld);
        List<Future<String>> queued = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String id = "cp_" + i;
            queued.add(callers.submit(() -> commits.run(() -> id)));
        }
        waitUntilQueued(3);
        transactions.releaseFirst.countDown();

        for (int i = 1; i <= 3; i++) {
            assertThat(queued.get(i - 1).get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("cp_" + i);
        }
        assertThat(first.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("cp_0");
        assertThat(transactions.sizes).containsExactly(1, 3, 1, 1, 1);
    }

    @Test
    void aFailureOfACallerAloneIsItsOwn() {
        transactions.releaseFirst.countDown();

        assertThatThrownBy(() -> commits.run(() -> {
            throw new IllegalStateException("disk full");
        })).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(commits.run(() -> "next")).isEqualTo("next");
    }

    private void waitUntilQueued(int count) {
        // The callers are threads of their own: poll until they have queued, within the deadline.
        Awaitility.await("%d callers queued".formatted(count)).atMost(DEADLINE).pollInterval(Duration.ofMillis(1))
                .until(() -> commits.queuedCount() >= count);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
