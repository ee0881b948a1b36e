package dev.baton.execute;

import java.time.Duration;
import java.util.Optional;

/**
 * Tries a call again after a transient failure, as its {@link RetryPolicy} says: doubling backoff, at least as long
 * as the provider asked, never a permanent failure, and never a wait that would end past the run's deadline. A
 * provider asking to wait longer than {@link RetryPolicy#maxRetryAfter()} ends the call at once, saying so. The
 * result counts every attempt made.
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
        while (result instanceof CallResult.Failed failed && failed.retriable() && attempts < policy.maxAttempts()) {
            if (failed.asksToWaitLongerThan(policy.maxRetryAfter())) {
                return failed.notRetriedForWait(policy.maxRetryAfter()).withAttempts(attempts);
            }
            if (!waitBefore(attempts + 1, failed.retryAfter(), chain.budget())) {
                break;
            }
            attempts++;
            result = chain.proceed(chain.request());
        }
        return result.withAttempts(attempts);
    }

    /** Waits before attempt {@code attempt} unless that would pass the deadline; returns whether it waited. */
    private boolean waitBefore(int attempt, Optional<Duration> asked, BudgetState budget) {
        Duration backoff = policy.backoffBefore(attempt);
        Duration wait = asked.filter(a -> a.compareTo(backoff) > 0).orElse(backoff);
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
