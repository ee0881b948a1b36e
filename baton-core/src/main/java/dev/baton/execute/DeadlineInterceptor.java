package dev.baton.execute;

import dev.baton.worker.FailureKind;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gives each attempt at most the time left to the question. An attempt that does not answer in time is
 * abandoned (its thread interrupted) and fails as transient, so a hung worker costs the question its deadline,
 * never more.
 */
final class DeadlineInterceptor implements Interceptor {

    private final BudgetState budget;
    private final ExecutorService threads;

    DeadlineInterceptor(BudgetState budget, ExecutorService threads) {
        this.budget = budget;
        this.threads = threads;
    }

    @Override
    public CallResult intercept(Chain chain) {
        Duration left = budget.timeLeft();
        if (left.isZero()) {
            return failed("deadline passed before the call", FailureKind.TIMEOUT, true);
        }
        // The rest of the chain runs on its own thread so that this one can stop waiting at the deadline.
        Future<CallResult> attempt = threads.submit(() -> chain.proceed(chain.request()));
        try {
            return attempt.get(left.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            attempt.cancel(true);
            return failed("no reply before the question's deadline", FailureKind.TIMEOUT, true);
        } catch (InterruptedException e) {
            attempt.cancel(true);
            Thread.currentThread().interrupt();
            return failed("interrupted", FailureKind.OTHER, true);
        } catch (ExecutionException e) {
            // The chain turns exceptions into results, so only an Error (a worker's stack overflow) gets here.
            return failed(chain.worker().id() + " threw " + e.getCause(), FailureKind.BUG, false);
        }
    }

    private static CallResult failed(String error, FailureKind kind, boolean retriable) {
        return new CallResult.Failed(error, kind, retriable, 1, Optional.empty());
    }
}
