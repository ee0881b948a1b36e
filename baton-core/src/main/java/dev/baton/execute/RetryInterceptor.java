package dev.baton.execute;

import java.time.Duration;

/**
 * Tries a call again after a transient failure, as its {@link RetryPolicy} says: doubling backoff, never
 * a permanent failure, and never a wait that would end past the run's deadline. The result counts every
 * attempt made.
 */
final class RetryInterceptor implements Interceptor {

    private final RetryPolicy policy;

    RetryInterceptor(RetryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public CallResult intercept(Chain chain) {
        CallResult result = chain.proceed(chain.request());
        int attempts = 1;
        while (result instanceof CallResult.Failed failed && failed.retriable() && attempts < policy.maxAttempts()
                && waitBefore(attempts + 1, chain.budget())) {
            attempts++;
            result = chain.proceed(chain.request());
        }
        return result.withAttempts(attempts);
    }

    /** Waits before attempt {@code attempt} unless that would pass the deadline; returns whether it waited. */
    private boolean waitBefore(int attempt, BudgetState budget) {
        Duration wait = policy.backoffBefore(attempt);
        if (wait.compareTo(budget.timeLeft()) >= 0) {
            return false;
        }
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
