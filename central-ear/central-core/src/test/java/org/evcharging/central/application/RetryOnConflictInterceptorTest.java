package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.evcharging.central.domain.shared.ConflictException;
import org.junit.jupiter.api.Test;

/** A transaction that lost a race runs again, a few times at most; any other failure reaches its caller at once. */
class RetryOnConflictInterceptorTest {

    private final RetryOnConflictInterceptor interceptor = new RetryOnConflictInterceptor();
    private final AtomicInteger attempts = new AtomicInteger();

    /** An invocation whose attempts fail with {@code failures} in turn, then return "done". */
    private InvocationContext invocation(Exception... failures) {
        Deque<Exception> toThrow = new ArrayDeque<>(List.of(failures));
        return (InvocationContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {InvocationContext.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("proceed")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    attempts.incrementAndGet();
                    if (!toThrow.isEmpty()) {
                        throw toThrow.pop();
                    }
                    return "done";
                });
    }

    @Test
    void aSuccessfulCallRunsOnce() throws Exception {
        assertThat(interceptor.retry(invocation())).isEqualTo("done");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aLostRaceRunsAgainUntilItSucceeds() throws Exception {
        Object result = interceptor.retry(invocation(new OptimisticLockException("v1"), new OptimisticLockException("v2")));

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aLostRaceWrappedByTheTransactionIsRecognised() throws Exception {
        RuntimeException wrapped = new RuntimeException("commit failed",
                new PersistenceException("flush", new OptimisticLockException("row changed")));

        assertThat(interceptor.retry(invocation(wrapped))).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aProvidersOwnOptimisticLockExceptionCountsToo() throws Exception {
        RuntimeException providers = new org.evcharging.central.application.vendor.OptimisticLockException("eclipselink");

        assertThat(interceptor.retry(invocation(new RuntimeException("rollback", providers)))).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void afterTheLastAttemptTheConflictReachesTheCaller() {
        OptimisticLockException[] always = new OptimisticLockException[RetryOnConflictInterceptor.ATTEMPTS];
        for (int i = 0; i < always.length; i++) {
            always[i] = new OptimisticLockException("attempt " + (i + 1));
        }

        assertThatThrownBy(() -> interceptor.retry(invocation(always)))
                .isInstanceOf(OptimisticLockException.class).hasMessage("attempt 5");
        assertThat(attempts).hasValue(RetryOnConflictInterceptor.ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        assertThatThrownBy(() -> interceptor.retry(invocation(new ConflictException("already stopped"))))
                .isInstanceOf(ConflictException.class);
        assertThat(attempts).hasValue(1);

        assertThatThrownBy(() -> interceptor.retry(invocation(new PersistenceException("disk full"))))
                .isInstanceOf(PersistenceException.class);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aCheckedExceptionIsNotRetried() {
        assertThatThrownBy(() -> interceptor.retry(invocation(new java.io.IOException("socket"))))
                .isInstanceOf(java.io.IOException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void recognisesARaceAnywhereInTheCauses() {
        assertThat(RetryOnConflictInterceptor.lostARace(new OptimisticLockException())).isTrue();
        assertThat(RetryOnConflictInterceptor.lostARace(new IllegalStateException(new OptimisticLockException()))).isTrue();
        assertThat(RetryOnConflictInterceptor.lostARace(new IllegalStateException("other"))).isFalse();
        assertThat(RetryOnConflictInterceptor.lostARace(null)).isFalse();
    }
}
