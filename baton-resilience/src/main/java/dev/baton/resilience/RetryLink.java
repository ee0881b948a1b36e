package dev.baton.resilience;

import dev.baton.execute.CallResult;
import dev.baton.execute.Interceptor;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Tries a step's call again after a retriable failure, with the worker's own {@link Retry}: exponential backoff with
 * jitter, at least as long as the provider's {@code Retry-After}, and never a wait that would end past the run's
 * deadline. A provider asking to wait longer than {@link ResilienceSettings#maxRetryAfter()} ends the call at once,
 * its figure in the failure's message. The result counts every attempt.
 *
 * <p>resilience4j decides whether and how long to wait ({@link Retry.AsyncContext#onResult} returns the wait without
 * sleeping, and publishes the retry events); this link does the waiting, so that it can stop at the deadline.
 */
final class RetryLink implements Interceptor {

    private final RetryRegistry registry;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;

    RetryLink(RetryRegistry registry, Duration maxRetryAfter, Sleeper sleeper) {
        this.registry = registry;
        this.maxRetryAfter = maxRetryAfter;
        this.sleeper = sleeper;
    }

    /** Returns the retry configuration {@code settings} describe, drawing jitter from {@code random} in [0, 1). */
    static RetryConfig config(ResilienceSettings settings, DoubleSupplier random) {
        IntervalBiFunction<CallResult> wait = (retry, outcome) -> {
            long backoff = settings.backoff(retry).toMillis();
            long jittered = Math.round(backoff * (1 - settings.jitter() * random.getAsDouble()));
            long asked = outcome.isRight() && outcome.get() instanceof CallResult.Failed failed
                    ? failed.retryAfter().map(Duration::toMillis).orElse(0L) : 0L;
            return Math.max(jittered, asked);
        };
        return RetryConfig.<CallResult>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnResult(result -> result instanceof CallResult.Failed failed && failed.retriable())
                .intervalBiFunction(wait)
                .build();
    }

    @Override
    public CallResult intercept(Chain chain) {
        Retry retry = registry.retry(chain.worker().id());
        Retry.AsyncContext<CallResult> context = retry.asyncContext();
        int attempts = 0;
        while (true) {
            CallResult result = chain.proceed(chain.request());
            attempts++;
            if (result instanceof CallResult.Failed failed && failed.retriable() && attempts < retry.getRetryConfig().getMaxAttempts()
                    && failed.asksToWaitLongerThan(maxRetryAfter)) {
                return failed.notRetriedForWait(maxRetryAfter).withAttempts(attempts); // a wait of hours is no retry
            }
            long waitMillis = context.onResult(result);
            if (waitMillis < 0) {
                context.onComplete();
                return result.withAttempts(attempts);
            }
            Duration wait = Duration.ofMillis(waitMillis);
            if (wait.compareTo(chain.budget().timeLeft()) >= 0 || !sleep(wait)) {
                return result.withAttempts(attempts); // the next attempt would start past the deadline
            }
        }
    }

    private boolean sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
