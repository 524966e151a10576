package org.evcharging.central.application;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;

/** Runs outside the transaction interceptor, so each attempt is a whole new transaction. */
@RetryOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetryOnConflictInterceptor {

    static final int ATTEMPTS = 5;

    @AroundInvoke
    public Object retry(InvocationContext invocation) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !lostARace(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean lostARace(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException
                    || t.getClass().getName().endsWith(".OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }
}
